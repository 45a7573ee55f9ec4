/// Go's `sort.Sort` (pattern-defeating quicksort, Go 1.19 and later), step for step, because kubectl sorts with it
/// and it is not stable: above 12 elements, elements that compare equal can end up in another order than they came.
/// `describe` sorts its Events this way, so ties on `lastTimestamp` come out as kubectl prints them only if the
/// same swaps are made. A port of src/sort/zsortinterface.go and sort.go; no randomness (its "random" pattern
/// breaker is seeded with the length).
struct GoSort<Element> {
    private var data: [Element]
    private let isLess: (Element, Element) -> Bool

    /// `data` sorted as `sort.Sort` sorts it with `less` as the `Less` method.
    static func sorted(_ data: [Element], by less: @escaping (Element, Element) -> Bool) -> [Element] {
        var sorter = GoSort(data: data, isLess: less)
        let n = data.count
        if n > 1 { sorter.pdqsort(0, n, limit: bitLength(UInt(n))) }
        return sorter.data
    }

    private func less(_ i: Int, _ j: Int) -> Bool { isLess(data[i], data[j]) }
    private mutating func swap(_ i: Int, _ j: Int) { data.swapAt(i, j) }

    /// `bits.Len`: the number of bits needed to write `x`.
    private static func bitLength(_ x: UInt) -> Int { UInt.bitWidth - x.leadingZeroBitCount }

    private enum Hint { case unknown, increasing, decreasing }

    private mutating func insertionSort(_ a: Int, _ b: Int) {
        var i = a + 1
        while i < b {
            var j = i
            while j > a && less(j, j - 1) {
                swap(j, j - 1)
                j -= 1
            }
            i += 1
        }
    }

    private mutating func siftDown(_ lo: Int, _ hi: Int, first: Int) {
        var root = lo
        while true {
            var child = 2 * root + 1
            if child >= hi { return }
            if child + 1 < hi && less(first + child, first + child + 1) { child += 1 }
            if !less(first + root, first + child) { return }
            swap(first + root, first + child)
            root = child
        }
    }

    private mutating func heapSort(_ a: Int, _ b: Int) {
        let first = a, hi = b - a
        for i in stride(from: (hi - 1) / 2, through: 0, by: -1) { siftDown(i, hi, first: first) }
        for i in stride(from: hi - 1, through: 0, by: -1) {
            swap(first, first + i)
            siftDown(0, i, first: first)
        }
    }

    private mutating func pdqsort(_ start: Int, _ end: Int, limit initialLimit: Int) {
        let maxInsertion = 12
        var a = start, b = end, limit = initialLimit
        var wasBalanced = true, wasPartitioned = true
        while true {
            let length = b - a
            if length <= maxInsertion {
                insertionSort(a, b)
                return
            }
            if limit == 0 {
                heapSort(a, b)
                return
            }
            if !wasBalanced {
                breakPatterns(a, b)
                limit -= 1
            }
            var (pivot, hint) = choosePivot(a, b)
            if hint == .decreasing {
                reverseRange(a, b)
                pivot = (b - 1) - (pivot - a)
                hint = .increasing
            }
            if wasBalanced && wasPartitioned && hint == .increasing && partialInsertionSort(a, b) { return }
            if a > 0 && !less(a - 1, pivot) {
                a = partitionEqual(a, b, pivot: pivot)
                continue
            }
            let (mid, alreadyPartitioned) = partition(a, b, pivot: pivot)
            wasPartitioned = alreadyPartitioned
            let leftLength = mid - a, rightLength = b - mid
            let balanceThreshold = length / 8
            if leftLength < rightLength {
                wasBalanced = leftLength >= balanceThreshold
                pdqsort(a, mid, limit: limit)
                a = mid + 1
            } else {
                wasBalanced = rightLength >= balanceThreshold
                pdqsort(mid + 1, b, limit: limit)
                b = mid
            }
        }
    }

    private mutating func partition(_ a: Int, _ b: Int, pivot: Int) -> (Int, Bool) {
        swap(a, pivot)
        var i = a + 1, j = b - 1
        while i <= j && less(i, a) { i += 1 }
        while i <= j && !less(j, a) { j -= 1 }
        if i > j {
            swap(j, a)
            return (j, true)
        }
        swap(i, j)
        i += 1
        j -= 1
        while true {
            while i <= j && less(i, a) { i += 1 }
            while i <= j && !less(j, a) { j -= 1 }
            if i > j { break }
            swap(i, j)
            i += 1
            j -= 1
        }
        swap(j, a)
        return (j, false)
    }

    private mutating func partitionEqual(_ a: Int, _ b: Int, pivot: Int) -> Int {
        swap(a, pivot)
        var i = a + 1, j = b - 1
        while true {
            while i <= j && !less(a, i) { i += 1 }
            while i <= j && less(a, j) { j -= 1 }
            if i > j { break }
            swap(i, j)
            i += 1
            j -= 1
        }
        return i
    }

    private mutating func partialInsertionSort(_ a: Int, _ b: Int) -> Bool {
        let maxSteps = 5, shortestShifting = 50
        var i = a + 1
        for _ in 0..<maxSteps {
            while i < b && !less(i, i - 1) { i += 1 }
            if i == b { return true }
            if b - a < shortestShifting { return false }
            swap(i, i - 1)
            // Go's loop runs down to index 1, not to `a + 1`.
            if i - a >= 2 {
                var j = i - 1
                while j >= 1 {
                    if !less(j, j - 1) { break }
                    swap(j, j - 1)
                    j -= 1
                }
            }
            if b - i >= 2 {
                var j = i + 1
                while j < b {
                    if !less(j, j - 1) { break }
                    swap(j, j - 1)
                    j += 1
                }
            }
        }
        return false
    }

    private mutating func breakPatterns(_ a: Int, _ b: Int) {
        let length = b - a
        guard length >= 8 else { return }
        var random = UInt64(length)
        let modulus = UInt(1) << UInt(Self.bitLength(UInt(length)))
        for index in (a + (length / 4) * 2 - 1)...(a + (length / 4) * 2 + 1) {
            random ^= random << 13
            random ^= random >> 7
            random ^= random << 17
            var other = Int(UInt(truncatingIfNeeded: random) & (modulus - 1))
            if other >= length { other -= length }
            swap(index, a + other)
        }
    }

    private func choosePivot(_ a: Int, _ b: Int) -> (Int, Hint) {
        let shortestNinther = 50, maxSwaps = 4 * 3
        let l = b - a
        var swaps = 0
        var i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3
        if l >= 8 {
            if l >= shortestNinther {
                i = median(i - 1, i, i + 1, swaps: &swaps)
                j = median(j - 1, j, j + 1, swaps: &swaps)
                k = median(k - 1, k, k + 1, swaps: &swaps)
            }
            j = median(i, j, k, swaps: &swaps)
        }
        switch swaps {
        case 0: return (j, .increasing)
        case maxSwaps: return (j, .decreasing)
        default: return (j, .unknown)
        }
    }

    private func order2(_ a: Int, _ b: Int, swaps: inout Int) -> (Int, Int) {
        if less(b, a) {
            swaps += 1
            return (b, a)
        }
        return (a, b)
    }

    private func median(_ a: Int, _ b: Int, _ c: Int, swaps: inout Int) -> Int {
        let (low, middle) = order2(a, b, swaps: &swaps)
        let (lower, _) = order2(middle, c, swaps: &swaps)
        return order2(low, lower, swaps: &swaps).1
    }

    private mutating func reverseRange(_ a: Int, _ b: Int) {
        var i = a, j = b - 1
        while i < j {
            swap(i, j)
            i += 1
            j -= 1
        }
    }
}
