import Learning
import Tensors

extension Builtins {
    /// Data sets (docs/language.md, "Learning"): `dataset` and `split`.
    static var data: [Builtin] { [dataset, split] }

    private static let dataset = Builtin(
        "dataset", [
            Parameter("name"),
            Parameter("n", kind: .namedOnly, default: .number(1000)),
            Parameter("size", kind: .namedOnly, default: .number(16)),
            Parameter("shift", kind: .namedOnly, default: .bool(true)),
            Parameter("noise", kind: .namedOnly, default: .number(0)),
            Parameter("seed", kind: .namedOnly, default: .number(0)),
        ],
        summary: "A labelled image set as a record (images: N×1×H×W in [0, 1], labels: N, classes): \"shapes\" or \"digits\".",
        details: """
            "shapes": n synthetic size × size images of a square, plus, cross or disk (side about size/3) at a random
            position (centred with shift: false), with Gaussian noise of that standard deviation, from seed.
            "digits": the 1,797 8×8 handwritten digits scikit-learn ships (UCI, Alpaydin and Kaynak 1998; BSD
            licence), pixels scaled from 0–16 to [0, 1]; n, size, shift, noise and seed do not apply.
            """
    ) { arguments, context in
        let data = try Dataset.named(arguments.string("name"), count: arguments.integer("n"),
                                     size: arguments.integer("size"), shift: arguments.bool("shift"),
                                     noise: arguments.number("noise"), seed: LayerArguments.seed(arguments),
                                     control: context.control)
        return datasetRecord(data)
    }

    private static let split = Builtin(
        "split", [
            Parameter("data"),
            Parameter("fraction", kind: .namedOnly, default: .number(0.8)),
            Parameter("seed", kind: .namedOnly, default: .number(0)),
        ],
        summary: "Two disjoint parts of a data set, (first, rest): the first holds a fraction of the images, chosen from seed.",
        details: "data is a data set record (images:, labels:) or a pair (inputs, targets); each part keeps the original order."
    ) { arguments, _ in
        let raw = arguments.value("data")
        let fraction = try arguments.number("fraction")
        let seed = try LayerArguments.seed(arguments)
        if case .record(let record) = raw, let images = record["images"].flatMap(BoundArguments.tensor(from:)),
           let labels = record["labels"].flatMap(BoundArguments.tensor(from:)) {
            let classes = record["classes"].map { value -> [String] in
                guard case .list(let items) = value else { return [] }
                return items.compactMap { if case .string(let name) = $0 { name } else { nil } }
            } ?? []
            let (first, rest) = try Dataset(images: images, labels: labels, classes: classes)
                .split(fraction: fraction, seed: seed)
            return .tuple([datasetRecord(first), datasetRecord(rest)])
        }
        guard case .tuple(let pair) = raw, pair.count == 2, let inputs = BoundArguments.tensor(from: pair[0]),
              let targets = BoundArguments.tensor(from: pair[1]) else {
            throw arguments.typeError("data", expected: "a data set record (images:, labels:) or a pair (inputs, targets)",
                                      found: raw)
        }
        let (first, rest) = try Dataset(images: inputs, labels: targets, classes: []).split(fraction: fraction, seed: seed)
        return .tuple([.tuple([.tensor(first.images), .tensor(first.labels)]),
                       .tuple([.tensor(rest.images), .tensor(rest.labels)])])
    }

    /// A data set as the language shows it.
    private static func datasetRecord(_ data: Dataset) -> Value {
        .record(Record(typeName: "dataset", fields: [
            ("images", .tensor(data.images)), ("labels", .tensor(data.labels)),
            ("classes", .list(data.classes.map(Value.string))),
        ]))
    }
}
