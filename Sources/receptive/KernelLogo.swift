import Foundation
import JupyterKernel

/// The kernel's logo, `logo-svg.svg` in the kernelspec: a 3×3 kernel sliding over a grid,
/// its output cell lit on the right. JupyterLab shows it on the launcher card and the tab.
enum KernelLogo {
    /// The file name Jupyter looks for in a kernelspec directory.
    static let fileName = "logo-svg.svg"

    /// The SVG document (64×64, no external references, no fonts).
    static let svg: String = {
        var cells: [String] = []
        for row in 0..<5 {
            for column in 0..<5 {
                let inKernel = (1...3).contains(row) && (0...2).contains(column)
                let fill = inKernel ? "#f59e0b" : "#e2e8f0"
                cells.append("  <rect x=\"\(4 + column * 8)\" y=\"\(12 + row * 8)\" width=\"7\" height=\"7\" rx=\"1\" fill=\"\(fill)\"/>")
            }
        }
        return ([
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\" viewBox=\"0 0 64 64\">",
            "  <title>Receptive</title>",
            "  <rect x=\"2\" y=\"10\" width=\"43\" height=\"43\" rx=\"3\" fill=\"#1e293b\"/>",
        ] + cells + [
            "  <rect x=\"3\" y=\"19\" width=\"25\" height=\"25\" rx=\"2\" fill=\"none\" stroke=\"#b45309\" stroke-width=\"2\"/>",
            "  <path d=\"M28 31.5 L49 31.5\" stroke=\"#b45309\" stroke-width=\"2\"/>",
            "  <path d=\"M47 27.5 L52 31.5 L47 35.5 Z\" fill=\"#b45309\"/>",
            "  <rect x=\"53\" y=\"27\" width=\"9\" height=\"9\" rx=\"1.5\" fill=\"#f59e0b\" stroke=\"#1e293b\" stroke-width=\"1.5\"/>",
            "</svg>",
        ]).joined(separator: "\n") + "\n"
    }()

    /// Writes the logo into a kernelspec directory that already exists.
    static func write(into directory: URL) throws(KernelError) {
        let url = directory.appendingPathComponent(fileName)
        do {
            try Data(svg.utf8).write(to: url, options: .atomic)
        } catch {
            throw .kernelSpecFailed(path: url.path, reason: error.localizedDescription)
        }
    }
}
