// SPDX-License-Identifier: Apache-2.0
/// What the terminal must be told to turn the screen it shows (`previous`)
/// into `next`: every cell that changed, once, in row order. Pure, so the
/// rules for wide cells are tested without a terminal; the terminal module
/// only writes what this returns.
public struct ScreenDiff: Sendable {
    public struct Write: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public var cell: Cell
    }

    /// Clear the screen first (no previous frame, or another size).
    public var clearsFirst: Bool
    public var writes: [Write]

    /// `size` is the terminal's; cells outside it are not written, nor is
    /// the bottom-right cell (writing it makes some terminals scroll).
    public init(from previous: ScreenBuffer?, to next: ScreenBuffer, size: (width: Int, height: Int)) {
        let full = previous == nil || previous!.width != next.width || previous!.height != next.height
        clearsFirst = full
        writes = []
        for y in 0..<min(size.height, next.height) {
            for x in 0..<min(size.width, next.width) {
                let cell = next[x, y]
                // A wide cell's second column is written with it.
                if cell.isContinuation { continue }
                if !full, let previous, previous[x, y] == cell {
                    // A wide cell the same as before is written again only when the column
                    // it covers changed (something narrow was drawn there meanwhile).
                    let coveredChanged = cell.width == 2 && x + 1 < next.width && previous[x + 1, y] != next[x + 1, y]
                    if !coveredChanged { continue }
                }
                if y == size.height - 1 && x + Int(cell.width) >= size.width { continue }
                writes.append(Write(x: x, y: y, cell: cell))
            }
        }
    }
}
