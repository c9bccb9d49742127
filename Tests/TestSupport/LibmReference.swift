import Foundation
import Tensors

/// What C's libm (and numpy) give for a unary function: the values the vector kernels hand their
/// special lanes to, and the reference their accuracy tests compare against.
public enum LibmReference {
    /// libm's `function(x)`; sigmoid as numpy computes it without overflow.
    public static func value(_ function: UnaryFunction, _ x: Double) -> Double {
        switch function {
        case .exp: return Foundation.exp(x)
        case .log: return Foundation.log(x)
        case .sin: return Foundation.sin(x)
        case .cos: return Foundation.cos(x)
        case .tanh: return Foundation.tanh(x)
        case .sigmoid:
            if x >= 0 { return 1 / (1 + Foundation.exp(-x)) }
            let e = Foundation.exp(x)
            return e / (1 + e)
        case .sqrt: return x.squareRoot()
        default: return function.apply(x)
        }
    }
}
