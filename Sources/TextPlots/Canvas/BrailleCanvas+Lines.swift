extension BrailleCanvas {
    /// Draws a straight line of dots from (`x0`, `y0`) to (`x1`, `y1`) (Bresenham), keeping
    /// the dots where `pattern` is true as it walks; `step` carries the walk across segments
    /// so dashes continue smoothly. Returns the character cells it touched.
    @discardableResult
    mutating func line(from start: (x: Int, y: Int), to end: (x: Int, y: Int), pattern: [Bool],
                       step: inout Int) -> [(column: Int, row: Int)] {
        var touched: [(column: Int, row: Int)] = []
        var (x, y) = start
        let dx = abs(end.x - x), dy = -abs(end.y - y)
        let sx = x < end.x ? 1 : -1, sy = y < end.y ? 1 : -1
        var error = dx + dy
        while true {
            if pattern.isEmpty || pattern[step % pattern.count] {
                set(x: x, y: y)
                if x >= 0, y >= 0, x < dotColumns, y < dotRows { touched.append((x / 2, y / 4)) }
            }
            step += 1
            if x == end.x && y == end.y { break }
            let doubled = 2 * error
            if doubled >= dy {
                error += dy
                x += sx
            }
            if doubled <= dx {
                error += dx
                y += sy
            }
        }
        return touched
    }
}
