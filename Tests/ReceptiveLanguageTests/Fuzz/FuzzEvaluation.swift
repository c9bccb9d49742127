@testable import ReceptiveLanguage
import Tensors
import TextPlots

/// One fuzz input through the lexer, parser, evaluator and result rendering, the way
/// `Session.run` does it, but keeping apart the errors Session would wrap as IOError.
enum FuzzEvaluation {
    /// What one input did.
    enum Outcome: Equatable {
        case ran
        case typedError(ErrorKind)
        case untypedError(String)
    }

    /// Runs `source` on the calling thread (which must have a large stack).
    static func run(_ source: String, in session: Session, output: any SessionOutput) -> Outcome {
        session.control.clearInterrupt()
        _ = session.completeness(of: source)
        let statements: [Statement]
        switch Parser.parse(source) {
        case .success(let parsed): statements = parsed
        case .failure(let failure): return .typedError(failure.errors.first?.kind ?? .syntax)
        }
        let evaluator = session.evaluator
        evaluator.output = output
        evaluator.currentSource = source
        defer { evaluator.output = nil }
        do {
            let value = try evaluator.run(statements)
            _ = value.rendered(options: evaluator.renderOptions)
            return .ran
        } catch let error as RuntimeError {
            return .typedError(error.kind)
        } catch let error as TensorError {
            return .typedError(RuntimeError(error).kind)
        } catch {
            return .untypedError("\(type(of: error)): \(error)")
        }
    }
}

/// A session output that drops everything (fuzz runs print a lot and check none of it).
final class DiscardingOutput: SessionOutput {
    func write(_ text: String, toStandardError: Bool) {}
    func display(_ figure: Figure, id: String?, update: Bool) {}
    func clearOutput(wait: Bool) {}
    func page(_ figure: Figure) {}
    func readInput(prompt: String, password: Bool) throws -> String {
        throw RuntimeError(.io, "fuzz inputs have no stdin; found a call to input()")
    }
}
