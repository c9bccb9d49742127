import Foundation
import JupyterKernel
import JupyterProtocol
import Testing
import TestSupport

@Test func kernelSpecDirectoriesFollowJupyterConventions() throws {
    let environment = ["HOME": "/home/ada", "VIRTUAL_ENV": "/srv/venv"]
    #expect(try KernelSpecLocation.prefix("/opt/x").kernelsDirectory(environment: environment).path
        == "/opt/x/share/jupyter/kernels")
    #expect(try KernelSpecLocation.sysPrefix.kernelsDirectory(environment: environment).path
        == "/srv/venv/share/jupyter/kernels")
    #expect(try KernelSpecLocation.user.kernelsDirectory(environment: ["JUPYTER_DATA_DIR": "/data/j"]).path
        == "/data/j/kernels")
    #if os(Linux)
    #expect(try KernelSpecLocation.user.kernelsDirectory(environment: environment).path
        == "/home/ada/.local/share/jupyter/kernels")
    #endif
}

@Test func kernelSpecIsWrittenAsKernelJSONAndRemoved() throws {
    let scratch = try ScratchDirectory("receptive-spec")
    defer { withExtendedLifetime(scratch) {} }
    let directory = scratch.url.appendingPathComponent("k")
    let spec = KernelSpec(argv: ["/bin/k", "kernel", "-f", "{connection_file}"], displayName: "K", language: "k")
    try spec.write(to: directory)
    let written = try JSONValue.parse(Data(contentsOf: directory.appendingPathComponent("kernel.json")))
    #expect(written["argv"] == ["/bin/k", "kernel", "-f", "{connection_file}"])
    #expect(written["interrupt_mode"] == "message")
    try KernelSpec.remove(directory)
    #expect(!FileManager.default.fileExists(atPath: directory.path))
    #expect(throws: KernelError.self) { try KernelSpec.remove(directory) }
}
