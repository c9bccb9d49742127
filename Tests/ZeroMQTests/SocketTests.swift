import Foundation
import Testing
import ZeroMQ

@Test func multipartMessagesKeepEmptyFramesAndOrder() throws {
    let context = try Context()
    let router = try Socket(context: context, type: .router, lingerMilliseconds: 0)
    try router.bind("tcp://127.0.0.1:*")
    let dealer = try Socket(context: context, type: .dealer, lingerMilliseconds: 0)
    try dealer.setRoutingID(Data("client-1".utf8))
    try dealer.connect(try router.lastEndpoint())

    let frames = [Data("<IDS|MSG>".utf8), Data(), Data([0, 255, 1])]
    try dealer.send(frames)
    let received = try #require(try router.receive(timeoutMilliseconds: 5000))
    #expect(received == [Data("client-1".utf8)] + frames)

    try router.send([Data("client-1".utf8), Data("reply".utf8)])
    #expect(try dealer.receive(timeoutMilliseconds: 5000) == [Data("reply".utf8)])
}

@Test func receiveWithTimeoutReturnsNilWhenNothingArrives() throws {
    let context = try Context()
    let pull = try Socket(context: context, type: .pull, lingerMilliseconds: 0)
    try pull.bind("inproc://idle")
    let start = Date()
    #expect(try pull.receive(timeoutMilliseconds: 20) == nil)
    #expect(Date().timeIntervalSince(start) >= 0.015)
}

@Test func verboseXPubReportsEverySubscription() throws {
    let context = try Context()
    let xpub = try Socket(context: context, type: .xpub, lingerMilliseconds: 0)
    try xpub.setXPubVerbose(true)
    try xpub.bind("inproc://iopub")
    var subscribers: [Socket] = []
    for _ in 0..<2 {
        let sub = try Socket(context: context, type: .sub, lingerMilliseconds: 0)
        try sub.connect("inproc://iopub")
        try sub.subscribe()
        subscribers.append(sub)
        // A subscription is one frame: byte 1 (subscribe) then the topic, here empty.
        #expect(try xpub.receive(timeoutMilliseconds: 5000) == [Data([1])])
    }
    #expect(subscribers.count == 2)
}

@Test func pollerReportsOnlyTheReadableSocket() throws {
    let context = try Context()
    let quiet = try Socket(context: context, type: .pull, lingerMilliseconds: 0)
    try quiet.bind("inproc://quiet")
    let busy = try Socket(context: context, type: .pull, lingerMilliseconds: 0)
    try busy.bind("inproc://busy")
    let push = try Socket(context: context, type: .push, lingerMilliseconds: 0)
    try push.connect("inproc://busy")
    try push.send([Data("x".utf8)])
    #expect(try Poller.readable([quiet, busy], timeoutMilliseconds: 5000) == [false, true])
}

@Test func bindingABadEndpointThrowsATypedError() throws {
    let context = try Context()
    let socket = try Socket(context: context, type: .rep, lingerMilliseconds: 0)
    #expect {
        try socket.bind("nonsense://nowhere")
    } throws: { error in
        guard let error = error as? ZeroMQError else { return false }
        return error.operation == "bind nonsense://nowhere" && error.description.contains("failed")
    }
}

@Test func shutdownWakesABlockedReceiveWithContextTerminated() throws {
    let context = try Context()
    let socket = try Socket(context: context, type: .pull, lingerMilliseconds: 0)
    try socket.bind("inproc://blocked")
    DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { context.shutdown() }
    #expect {
        _ = try socket.receive()
    } throws: { error in
        (error as? ZeroMQError)?.isContextTerminated == true
    }
}

@Test func signalDescriptorWakesAWaiterThatThenFindsTheSubscription() throws {
    let context = try Context()
    let xpub = try Socket(context: context, type: .xpub, lingerMilliseconds: 0)
    try xpub.bind("inproc://signalled")
    #expect(try xpub.hasMessageToReceive() == false)
    let sub = try Socket(context: context, type: .sub, lingerMilliseconds: 0)
    try sub.connect("inproc://signalled")
    try sub.subscribe(Data("topic".utf8))
    // Edge-triggered: the descriptor may have fired already, so check the events after each wake.
    var waited = 0
    while try !xpub.hasMessageToReceive() && waited < 50 {
        _ = try Poller.readable(fileDescriptor: try xpub.signalDescriptor(), timeoutMilliseconds: 100)
        waited += 1
    }
    #expect(try xpub.receive() == [Data([1]) + Data("topic".utf8)])
    #expect(try xpub.hasMessageToReceive() == false)
}
