import Testing
import WholeNumbers
@testable import Tensors

// The one rule for when a Double is an Int: whole and at most 2^53 in magnitude.

@Test func wholeNumbersUpTo2To53AreInts() {
    #expect(3.0.wholeNumber == 3 && (-0.0).wholeNumber == 0 && (-7.0).wholeNumber == -7)
    #expect(9_007_199_254_740_992.0.wholeNumber == 9_007_199_254_740_992)
    #expect((-9_007_199_254_740_992.0).wholeNumber == -9_007_199_254_740_992)
}

@Test func fractionsLargeMagnitudesAndNonFiniteValuesAreNot() {
    // The next Double above 2^53 is 2^53 + 2: past the bound, whole-looking values are not counts.
    #expect((9_007_199_254_740_992.0 + 2).wholeNumber == nil)
    #expect(1e16.wholeNumber == nil && 1e300.wholeNumber == nil)
    #expect(0.5.wholeNumber == nil && Double.nan.wholeNumber == nil)
    #expect(Double.infinity.wholeNumber == nil && (-Double.infinity).wholeNumber == nil)
}

@Test func messagesPrintWholeNumbersAsIntegersAndOthersAsDoubles() {
    #expect(Tensor.describe(3.0) == "3" && Tensor.describe(2.5) == "2.5" && Tensor.describe(1e16) == "1e+16")
}
