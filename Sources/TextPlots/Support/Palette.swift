/// The xterm 256-colour palette entries the figures use, and their HTML equivalents.
enum Palette {
    /// A grey from black (`t` = 0) to white (`t` = 1), from the 24-step grey ramp.
    static func grey(_ t: Double) -> Int {
        232 + Int((clamp(t) * 23).rounded())
    }

    /// White at 0, deepening to blue at -1 and to red at +1.
    static func diverging(_ t: Double) -> Int {
        let strength = Int((abs(clamp(t, lower: -1)) * 5).rounded())
        let (red, green, blue) = t < 0 ? (5 - strength, 5 - strength, 5) : (5, 5 - strength, 5 - strength)
        return 16 + 36 * red + 6 * green + blue
    }

    /// Distinct colours for line-plot series, in order.
    static let series = [33, 196, 34, 214, 129, 37]

    /// The `#rrggbb` form of palette entry `index`.
    static func hex(_ index: Int) -> String {
        let (red, green, blue) = rgb(index)
        return "#" + [red, green, blue].map { component in
            let digits = String(component, radix: 16)
            return digits.count < 2 ? "0" + digits : digits
        }.joined()
    }

    private static func rgb(_ index: Int) -> (Int, Int, Int) {
        if index >= 232 {
            let level = 8 + 10 * (index - 232)
            return (level, level, level)
        }
        guard index >= 16 else {
            let basic = [(0, 0, 0), (128, 0, 0), (0, 128, 0), (128, 128, 0), (0, 0, 128), (128, 0, 128),
                         (0, 128, 128), (192, 192, 192), (128, 128, 128), (255, 0, 0), (0, 255, 0),
                         (255, 255, 0), (0, 0, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)]
            return basic[max(0, index)]
        }
        let levels = [0, 95, 135, 175, 215, 255]
        let cube = index - 16
        return (levels[cube / 36], levels[(cube / 6) % 6], levels[cube % 6])
    }

    private static func clamp(_ t: Double, lower: Double = 0) -> Double {
        t.isNaN ? 0 : min(1, max(lower, t))
    }
}
