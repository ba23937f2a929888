// SPDX-License-Identifier: Apache-2.0
import Foundation
import LedeModel

/// An article's units: (paragraph, sentence, entity) sorted, paragraph and
/// sentence as deltas (most are 0 or 1), entity ids whole.
enum UnitBlob {
    static func encode(_ units: [EntityUnit]) -> Data {
        var writer = BlobWriter(capacity: units.count * 4)
        writer.int(units.count)
        var paragraph: Int32 = 0, sentence: Int32 = 0
        for unit in units {
            if unit.paragraph != paragraph { sentence = 0 }
            writer.int(Int(unit.paragraph - paragraph))
            writer.int(Int(unit.sentence - sentence))
            writer.int(Int(unit.entity.raw))
            (paragraph, sentence) = (unit.paragraph, unit.sentence)
        }
        return writer.data
    }

    static func decode(_ data: Data?) throws(DamagedBlob) -> [EntityUnit] {
        var reader = BlobReader(data)
        let count = reader.count()
        var result: [EntityUnit] = []
        result.reserveCapacity(count)
        var paragraph: Int32 = 0, sentence: Int32 = 0
        for _ in 0..<count {
            let paragraphStep = Int32(truncatingIfNeeded: reader.int())
            if paragraphStep != 0 { sentence = 0 }
            paragraph += paragraphStep
            sentence += Int32(truncatingIfNeeded: reader.int())
            result.append(EntityUnit(entity: EntityID(Int64(reader.int())), paragraph: paragraph, sentence: sentence))
        }
        return try reader.finish(result, "units")
    }
}
