import Foundation
import JupyterProtocol
import Logging
import Testing
import ZeroMQ
@testable import JupyterKernel

/// An `IOPubSocket` on inproc with its greeter thread running, and a subscriber.
private struct IOPubFixture {
    let context: Context
    let iopub: IOPubSocket
    let greeter: KernelThread
    let codec = WireCodec(key: "iopub-test")

    init(endpoint: String) throws {
        context = try Context()
        let xpub = try Socket(context: context, type: .xpub, lingerMilliseconds: 0)
        try xpub.setXPubVerbose(true)
        try xpub.bind(endpoint)
        let iopub = try IOPubSocket(xpub: xpub, codec: codec, factory: MessageFactory(), logger: Logger(label: "test"))
        self.iopub = iopub
        greeter = KernelThread(name: "iopub") { iopub.greetSubscribers(pollMilliseconds: 20) }
    }

    func subscriber(_ endpoint: String) throws -> Socket {
        let sub = try Socket(context: context, type: .sub, lingerMilliseconds: 0)
        try sub.subscribe()
        try sub.connect(endpoint)
        return sub
    }

    func stop() {
        iopub.finish()
        greeter.join(seconds: 5)
    }
}

@Test func aNewSubscriberIsWelcomedWithoutAnyPublishing() throws {
    let fixture = try IOPubFixture(endpoint: "inproc://welcome-idle")
    defer { fixture.stop() }
    let sub = try fixture.subscriber("inproc://welcome-idle")
    let frames = try #require(try sub.receive(timeoutMilliseconds: 5000))
    let welcome = try fixture.codec.decode(frames)
    #expect(welcome.type == .iopubWelcome)
    #expect(welcome.content["subscription"] == "")
}

@Test func threadsPublishingAtOnceEachDeliverWholeMessagesInTheirOrder() throws {
    let fixture = try IOPubFixture(endpoint: "inproc://two-threads")
    defer { fixture.stop() }
    let sub = try fixture.subscriber("inproc://two-threads")
    #expect(try sub.receive(timeoutMilliseconds: 5000).map { try fixture.codec.decode($0).type } == .iopubWelcome)

    let perThread = 200
    let publishers = ["a", "b"].map { name in
        KernelThread(name: name) { [iopub = fixture.iopub] in
            let channel = IOPub(publisher: iopub, codec: WireCodec(key: "iopub-test"), factory: MessageFactory())
            for index in 0..<perThread {
                channel.publish(.stream, ["name": .string(name), "text": .string(String(index))], parent: nil)
            }
        }
    }
    var seen: [String: [Int]] = [:]
    for _ in 0..<(2 * perThread) {
        let frames = try #require(try sub.receive(timeoutMilliseconds: 5000))
        let message = try fixture.codec.decode(frames)
        let name = try #require(message.content["name"]?.stringValue)
        seen[name, default: []].append(Int(message.content["text"]?.stringValue ?? "") ?? -1)
    }
    publishers.forEach { $0.join(seconds: 5) }
    #expect(seen["a"] == Array(0..<perThread))
    #expect(seen["b"] == Array(0..<perThread))
}

@Test func aSubscriberArrivingWhileAnotherThreadPublishesIsWelcomed() throws {
    let fixture = try IOPubFixture(endpoint: "inproc://busy")
    defer { fixture.stop() }
    // Sends take in subscriptions too and may consume the signal the greeter waits on; the
    // newcomer must be greeted all the same.
    let publisher = KernelThread(name: "publisher") { [iopub = fixture.iopub] in
        let channel = IOPub(publisher: iopub, codec: WireCodec(key: "iopub-test"), factory: MessageFactory())
        for index in 0..<5000 { channel.publish(.stream, ["name": "stdout", "text": .string(String(index))], parent: nil) }
    }
    let sub = try fixture.subscriber("inproc://busy")
    var welcomed = false
    while !welcomed, let frames = try sub.receive(timeoutMilliseconds: 5000) {
        welcomed = try fixture.codec.decode(frames).type == .iopubWelcome
    }
    publisher.join(seconds: 10)
    #expect(welcomed)
}
