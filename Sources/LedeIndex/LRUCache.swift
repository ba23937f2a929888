// SPDX-License-Identifier: Apache-2.0
/// A small least-recently-used cache.
struct LRUCache<Key: Hashable, Value> {
    private var values: [Key: (value: Value, stamp: Int)] = [:]
    private var clock = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    subscript(key: Key) -> Value? {
        mutating get {
            guard let entry = values[key] else { return nil }
            clock += 1
            values[key] = (entry.value, clock)
            return entry.value
        }
        set {
            clock += 1
            guard let newValue else { values[key] = nil; return }
            if values[key] == nil, values.count >= capacity,
               let oldest = values.min(by: { $0.value.stamp < $1.value.stamp })?.key {
                values[oldest] = nil
            }
            values[key] = (newValue, clock)
        }
    }

    mutating func removeAll() { values.removeAll(keepingCapacity: true) }
}
