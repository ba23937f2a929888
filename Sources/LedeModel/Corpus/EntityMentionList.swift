// SPDX-License-Identifier: Apache-2.0
/// Every mention of one entity across the corpus, in reading order, without
/// loading them: the articles that mention it and how often. A mention is
/// fetched (with its article's mentions) only when asked for.
public struct EntityMentionList: Sendable {
    public let entity: EntityID
    public let postings: [ArticleMentionCount]
    /// Index of the first mention of each posting's article.
    private let starts: [Int]
    public let count: Int

    public init(entity: EntityID, postings: [ArticleMentionCount]) {
        self.entity = entity
        self.postings = postings
        var starts: [Int] = []
        starts.reserveCapacity(postings.count)
        var total = 0
        for posting in postings {
            starts.append(total)
            total += posting.mentions
        }
        self.starts = starts
        self.count = total
    }

    public var articleCount: Int { postings.count }
    public var isEmpty: Bool { count == 0 }

    /// The posting (article) holding mention `index`, and the mention's rank in that article.
    public func posting(containing index: Int) -> (posting: Int, offset: Int)? {
        guard index >= 0, index < count else { return nil }
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low, index - starts[low])
    }

    /// Index of the first mention in posting `posting`.
    public func firstIndex(ofPosting posting: Int) -> Int { starts[posting] }

    /// The entity's mentions in one article of the list.
    public func mentions(inPosting posting: Int, corpus: any Corpus) -> [Mention] {
        corpus.mentions(in: postings[posting].article).filter { $0.entity == entity }
    }

    public func mention(at index: Int, corpus: any Corpus) -> Mention? {
        guard let (posting, offset) = posting(containing: index) else { return nil }
        let here = mentions(inPosting: posting, corpus: corpus)
        return here.indices.contains(offset) ? here[offset] : nil
    }

    /// Where a mention stands in the list.
    public func index(of mention: MentionID, corpus: any Corpus) -> Int? {
        guard let posting = posting(of: mention.article, corpus: corpus) else { return nil }
        guard let offset = mentions(inPosting: posting, corpus: corpus).firstIndex(where: { $0.id == mention }) else { return nil }
        return starts[posting] + offset
    }

    /// The posting of an article, if it mentions the entity (postings are in reading order: a binary search).
    public func posting(of article: ArticleID, corpus: any Corpus) -> Int? {
        guard let target = corpus.position(of: article) else { return nil }
        var low = 0, high = postings.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let position = corpus.position(of: postings[middle].article) ?? Int.max
            if position == target { return middle }
            if position < target { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// The first posting at or after a reading-order position.
    public func firstPosting(atOrAfter target: Int, corpus: any Corpus) -> Int? {
        var low = 0, high = postings.count
        while low < high {
            let middle = (low + high) / 2
            if (corpus.position(of: postings[middle].article) ?? Int.max) < target { low = middle + 1 } else { high = middle }
        }
        return low < postings.count ? low : nil
    }
}
