/// Finds the defined name closest to a misspelt one, for NameError hints.
enum NameSuggestion {
    /// The candidate with the smallest edit distance to `name`, if it is close enough to be a
    /// plausible typo (at most a third of the name's length, and at most 3 edits).
    static func nearest(to name: String, among candidates: [String]) -> String? {
        let limit = min(3, max(1, name.count / 3))
        var best: (name: String, distance: Int)?
        // Names whose lengths differ by more than the limit cannot be close; skipping them keeps
        // a very long misspelt name from costing a full distance computation per candidate.
        for candidate in Set(candidates) where candidate != name && abs(candidate.count - name.count) <= limit {
            let distance = editDistance(name, candidate)
            guard distance <= limit else { continue }
            if let current = best, current.distance < distance || (current.distance == distance && current.name < candidate) {
                continue
            }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// The Levenshtein distance: insertions, deletions and substitutions of characters.
    static func editDistance(_ first: String, _ second: String) -> Int {
        let a = Array(first), b = Array(second)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
