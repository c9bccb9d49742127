@testable import ReceptiveLanguage
import Testing
import TextPlots

/// What the debugger's variables panel shows of a session (VariableSnapshot): types, previews,
/// the values inside values, and renderings.
struct VariableInspectionTests {
    let session = Session()

    init() {
        let cell = """
            x = 2.5
            flag = true
            name = "hi"
            t = [[0, 1], [2, 3]]
            long = arange(5000)
            xs = [1, "a", true]
            detector = conv_layer([[-1, 1]])
            smooth = conv_layer(3)
            local = locally_connected(3)
            small = dense_layer(4, 2)
            huge = dense_layer(1000, 1000)
            given = dense_layer(2, 1)
            given.weight = [[3, 4]]
            pool = pool_layer(2)
            m = connectivity(conv_layer(3), input: (6,))
            r = compare(conv_layer(3), dense_layer(8, 6), input: (8,))
            fn twice(v) = 2 * v
            """
        guard case .success = session.run(cell, output: RecordingOutput()) else {
            Issue.record("the set-up cell failed")
            return
        }
    }

    private func variable(_ path: String, in listing: [InspectedVariable]) -> InspectedVariable? {
        listing.first { $0.path.description == path }
    }

    @Test func theListingHasEveryVariableByNameWithTypeAndPreview() throws {
        let listing = session.variableSnapshot().listing
        #expect(listing.map(\.path.description) == ["detector", "flag", "given", "huge", "local", "long", "m", "name", "pool",
                                                    "r", "small", "smooth", "t", "twice", "x", "xs"])
        let rows = listing.map { "\($0.path) | \($0.type) | \($0.preview)" }
        #expect(rows.contains("x | float | 2.5"))
        #expect(rows.contains("flag | bool | true"))
        #expect(rows.contains("name | str | \"hi\""))
        #expect(rows.contains("t | tensor 2×2 | [[0, 1], [2, 3]]"))
        #expect(rows.contains("xs | list | [1, \"a\", true]"))
        #expect(rows.contains("detector | conv_layer | conv_layer 1×2, 1 → 1 channels, stride 1, padding 0"))
        #expect(rows.contains("twice | fn | fn twice(v)"))
        #expect(rows.contains("m | sparse 4×6 | sparse 4×6, nnz 12, density 0.5"))
        let long = try #require(variable("long", in: listing))
        #expect(long.preview.hasPrefix("[0, 1, 2, 3,") && long.preview.hasSuffix(", …]"))
        #expect(long.preview.count < 110)
        #expect(long.childCount == 5000 && long.childrenAreIndexed)
        #expect(variable("x", in: listing)?.childCount == nil)
        #expect(variable("r", in: listing)?.childrenAreIndexed == false)
    }

    @Test func containersOpenIntoTheirValues() throws {
        let snapshot = session.variableSnapshot()
        let rows = try snapshot.children(of: #require(VariablePath("t")), start: 0, count: nil)
        #expect(rows.map { "\($0.path) | \($0.type) | \($0.preview)" } == ["t[0] | tensor 2 | [0, 1]", "t[1] | tensor 2 | [2, 3]"])
        let elements = try snapshot.children(of: #require(VariablePath("t[1]")), start: 0, count: nil)
        #expect(elements.map { "\($0.path)=\($0.preview)" } == ["t[1][0]=2", "t[1][1]=3"])
        let items = try snapshot.children(of: #require(VariablePath("xs")), start: 0, count: nil)
        #expect(items.map(\.type) == ["float", "str", "bool"])
        let fields = try snapshot.children(of: #require(VariablePath("r")), start: 0, count: nil)
        #expect(fields.first?.path.description == "r.input")
        #expect(fields.contains { $0.path.description == "r.params" && $0.childCount != nil })
    }

    @Test func layersListTheirWindowAndWeights() throws {
        let snapshot = session.variableSnapshot()
        func properties(_ name: String) throws -> [String: InspectedVariable] {
            let rows = try snapshot.children(of: #require(VariablePath(name)), start: 0, count: nil)
            return Dictionary(uniqueKeysWithValues: rows.map { ($0.path.description, $0) })
        }
        let detector = try properties("detector")
        #expect(detector.keys.sorted() == ["detector.bias", "detector.dilation", "detector.fill", "detector.in_channels", "detector.kernel",
                                           "detector.out_channels", "detector.padding", "detector.sharing",
                                           "detector.stride", "detector.weights"])
        #expect(detector["detector.weights"]?.type == "tensor 1×1×1×2")
        #expect(detector["detector.weights"]?.preview == "[[[[-1, 1]]]]")
        #expect(detector["detector.kernel"]?.preview == "(1, 2)")
        #expect(detector["detector.bias"]?.type == "none")
        #expect(try properties("smooth")["smooth.weights"]?.type == "tensor 1×1×3")
        #expect(try properties("local")["local.weights"]?.preview
                == "\"one kernel per output position, drawn from seed 0 when applied\"")
        #expect(try properties("small")["small.weights"]?.type == "tensor 2×4")
        #expect(try properties("huge")["huge.weights"]?.preview == "\"1000×1000 weights drawn from seed 0 when applied\"")
        #expect(try properties("pool")["pool.kind"]?.preview == "\"max\"")
        // Assigned weights are the layer's own now: listed as they are, with no seed.
        #expect(try properties("given")["given.weights"]?.preview == "[[3, 4]]")
        #expect(try properties("given")["given.seed"]?.preview == "\"none (given weights)\"")
    }

    @Test func childrenArePagedAndCappedWhenNotPaged() throws {
        let snapshot = session.variableSnapshot()
        let path = try #require(VariablePath("long"))
        #expect(try snapshot.children(of: path, start: 0, count: nil).count == VariableSnapshot.defaultChildLimit)
        #expect(try snapshot.children(of: path, start: 4990, count: nil).map(\.preview).first == "4990")
        #expect(try snapshot.children(of: path, start: 4990, count: nil).count == 10)
        #expect(try snapshot.children(of: path, start: 10, count: 2).map(\.path.description) == ["long[10]", "long[11]"])
        #expect(try snapshot.children(of: path, start: 9000, count: 5).isEmpty)
    }

    @Test func pathsThatLeadNowhereAreTypedErrors() throws {
        let snapshot = session.variableSnapshot()
        func error(_ text: String) throws -> RuntimeError? {
            let path = try #require(VariablePath(text))
            do {
                _ = try snapshot.children(of: path, start: 0, count: nil)
                return nil
            } catch {
                return error
            }
        }
        #expect(try error("xx")?.message == "no variable 'xx' in the session; did you mean 'x'?")
        #expect(try error("xx")?.kind == .name)
        #expect(try error("x")?.message == "x is a number, which holds no values to list")
        #expect(try error("xs[7]")?.message == "xs[7]: xs is a list, with no item 7")
        #expect(try error("xs[7]")?.kind == .index)
        #expect(try error("t.shape")?.message == "t.shape: t is a tensor 2×2, with no such field")
    }

    @Test func renderingsDrawPictures() throws {
        let snapshot = session.variableSnapshot()
        func render(_ path: String) throws -> Figure { try snapshot.rendering(of: #require(VariablePath(path))) }
        let matrix = try render("t")
        #expect(matrix.text.contains("█") && matrix.text.contains("tensor 2×2\n[[0. 1.]\n [2. 3.]]"))
        #expect(matrix.html?.hasPrefix(HTMLText.preOpening) == true)
        #expect(try render("long").text.hasPrefix("tensor 5000\n"))
        let layer = try render("smooth")
        #expect(layer.text.hasPrefix("conv_layer 3, 1 → 1 channels, stride 1, padding 0\n\n"))
        #expect(layer.text.contains("x1") && layer.text.contains("s1"))
        #expect(layer.text.hasSuffix("]]]") || layer.text.hasSuffix("]]"))
        #expect(try render("m").text.contains("●"))
        #expect(try render("twice").text.hasPrefix("twice(v)"))
        #expect(try render("name").text == "\"hi\"")
        #expect(try render("detector.weights").text.hasPrefix("tensor 1×1×1×2"))
    }

    @Test func aSnapshotKeepsTheValuesItSawWhileTheSessionMovesOn() throws {
        let snapshot = session.variableSnapshot()
        guard case .success = session.run("t[0, 0] = 99\nx = 7\ndel(name)", output: RecordingOutput()) else {
            Issue.record("the cell failed")
            return
        }
        #expect(variable("t", in: snapshot.listing)?.preview == "[[0, 1], [2, 3]]")
        #expect(variable("x", in: snapshot.listing)?.preview == "2.5")
        #expect(variable("name", in: snapshot.listing) != nil)
        let now = session.variableSnapshot().listing
        #expect(variable("t", in: now)?.preview == "[[99, 1], [2, 3]]")
        #expect(variable("name", in: now) == nil)
    }

    @Test func pathsReadBackAsTheyAreWritten() {
        for text in ["a", "_x1.y", "a.b[3][0]", "détecteur.weights[12]"] {
            #expect(VariablePath(text)?.description == text)
        }
        #expect(VariablePath("a.b[3]")?.steps == [.field("b"), .index(3)])
        for text in ["", "3a", "a.", "a[", "a[-1]", "a[x]", "a b", "a..b", "a[1", "a]", "a.b.", "x + 1"] {
            #expect(VariablePath(text) == nil, "\(text)")
        }
    }

    /// A control is listed by its kind and value; the snapshot keeps the value it had, since a
    /// widget callback changes the control on the session's thread while a panel reads it.
    @Test func aControlIsListedByKindAndTheSnapshotKeepsItsValue() throws {
        guard case .success = session.run("k = slider(1, 7)", output: RecordingOutput()) else {
            Issue.record("the cell failed")
            return
        }
        let snapshot = session.variableSnapshot()
        let listed = try #require(variable("k", in: snapshot.listing))
        #expect(listed.type == "slider")
        #expect(listed.preview == "slider 1…7 step 1 = 1")
        guard case .control(let control)? = session.evaluator.globals["k"] else {
            Issue.record("k is not a control")
            return
        }
        #expect(try control.set(.number(5)))
        #expect(variable("k", in: snapshot.listing)?.preview == "slider 1…7 step 1 = 1")
        #expect(variable("k", in: session.variableSnapshot().listing)?.preview == "slider 1…7 step 1 = 5")
    }
}
