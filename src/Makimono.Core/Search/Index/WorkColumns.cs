using Makimono.Tags;

namespace Makimono.Search.Index;

/// <summary>
/// The index's compact in-memory picture of every work, one slot per work: flags, figures, dates and filter tags in
/// plain arrays, plus the posting list of each filter tag (<see cref="TagPostings"/>). Filters, sorts, facet counts
/// and access checks read these arrays directly; at a million works a selective AO3 filter touches a few thousand
/// slots and no disk. Rebuilt from the database on start and kept current from the change log. Not thread-safe by
/// itself: <see cref="WorkIndex"/> guards it with a reader-writer lock.
/// </summary>
internal sealed class WorkColumns
{
    [Flags]
    internal enum WorkFlags : byte
    {
        Live = 1,
        Draft = 2,
        Hidden = 4,
        Restricted = 8,
        Complete = 16,
        SingleChapter = 32,
        Crossover = 64,
    }

    private int _capacity;
    internal int Count;
    internal int[] WorkId = [];
    internal WorkFlags[] Flags = [];
    internal int[] Words = [];
    internal int[] Kudos = [];
    internal int[] Hits = [];
    internal int[] Comments = [];
    internal int[] Bookmarks = [];
    internal int[] Chapters = [];
    internal int[] Posted = [];
    internal long[] Updated = [];
    internal short[] Language = [];
    internal string[] Title = [];
    internal string[] CreatorName = [];
    internal int[][] FilterTags = [];
    internal int[][] CreatorUsers = [];
    internal int[][] Pseuds = [];
    internal int[][] Series = [];

    private int[] _slotOfWork = [];
    internal readonly Dictionary<int, TagPostings> Postings = [];
    internal readonly Dictionary<string, short> Languages = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>
    /// Tag types (<see cref="TagType"/> values) by tag id, for facets; 0 for a tag not known yet. Bytes, not the enum's
    /// four, so the 200,000 tags' types take 200 KB and stay in cache while a facet count looks up thousands of them.
    /// </summary>
    internal byte[] TagTypes = [];

    /// <summary>Each creator's slots, so a tag page can tell whether the viewer's own unlisted works are among its works.</summary>
    private readonly Dictionary<int, List<int>> _slotsOfUser = [];

    /// <summary>Per large tag, its total and facet counts per access class, kept current as works change.</summary>
    internal readonly TagSummaries Summaries;

    /// <summary>Large tags' works in the order of a sort, for the pages of a tag page.</summary>
    internal readonly TagOrders Orders;

    /// <summary>A tag on at least this many works gets <see cref="Summaries"/> and <see cref="Orders"/> for its tag page; smaller ones are cheap to answer.</summary>
    internal int TagListingMinWorks = 2048;

    public WorkColumns()
    {
        Summaries = new TagSummaries(this);
        Orders = new TagOrders(this);
    }

    public int LiveCount { get; private set; }

    internal IReadOnlyList<int> SlotsOfUser(int userId) => _slotsOfUser.GetValueOrDefault(userId) ?? (IReadOnlyList<int>)[];

    public int SlotOf(int workId) => workId < _slotOfWork.Length ? _slotOfWork[workId] - 1 : -1;

    public void SetTagTypes(IEnumerable<(int Id, TagType Type)> tags)
    {
        foreach (var (id, type) in tags)
        {
            SetTagType(id, type);
        }
    }

    public void SetTagType(int id, TagType type)
    {
        if (id >= TagTypes.Length)
        {
            Array.Resize(ref TagTypes, Math.Max(id + 1, TagTypes.Length * 2));
        }
        if (TagTypes[id] != (byte)type)
        {
            if (TagTypes[id] != 0)
            {
                Summaries.ForgetTops();
            }
            TagTypes[id] = (byte)type;
        }
    }

    public void Put(IndexedWork work)
    {
        var slot = SlotOf(work.Id);
        if (slot < 0)
        {
            slot = NewSlot(work.Id);
            LiveCount++;
        }
        else
        {
            Summaries.Remove(slot);
            foreach (var tag in FilterTags[slot])
            {
                Postings.GetValueOrDefault(tag)?.Remove(slot);
            }
            ForgetCreators(slot);
        }
        var flags = WorkFlags.Live;
        if (work.IsDraft) { flags |= WorkFlags.Draft; }
        if (work.IsHidden) { flags |= WorkFlags.Hidden; }
        if (work.IsRestricted) { flags |= WorkFlags.Restricted; }
        if (work.IsComplete) { flags |= WorkFlags.Complete; }
        if (work.IsSingleChapter) { flags |= WorkFlags.SingleChapter; }
        if (work.IsCrossover) { flags |= WorkFlags.Crossover; }
        Flags[slot] = flags;
        Words[slot] = work.Words;
        Kudos[slot] = work.Kudos;
        Hits[slot] = work.Hits;
        Comments[slot] = work.Comments;
        Bookmarks[slot] = work.Bookmarks;
        Chapters[slot] = work.PostedChapters;
        Posted[slot] = work.Posted.DayNumber;
        Updated[slot] = work.Updated.Ticks;
        Language[slot] = LanguageCode(work.Language);
        Title[slot] = work.Title;
        CreatorName[slot] = work.CreatorName;
        FilterTags[slot] = work.FilterTagIds;
        CreatorUsers[slot] = work.CreatorUserIds;
        Pseuds[slot] = work.PseudIds;
        Series[slot] = work.SeriesIds;
        foreach (var tag in work.FilterTagIds)
        {
            if (tag >= TagTypes.Length)
            {
                Array.Resize(ref TagTypes, Math.Max(tag + 1, TagTypes.Length * 2));
            }
            if (!Postings.TryGetValue(tag, out var postings))
            {
                Postings[tag] = postings = new TagPostings();
            }
            postings.Add(slot);
        }
        foreach (var user in work.CreatorUserIds)
        {
            if (!_slotsOfUser.TryGetValue(user, out var slots))
            {
                _slotsOfUser[user] = slots = [];
            }
            slots.Add(slot);
        }
        Summaries.Add(slot);
        Orders.MarkStale(slot);
    }

    private void ForgetCreators(int slot)
    {
        foreach (var user in CreatorUsers[slot])
        {
            _slotsOfUser.GetValueOrDefault(user)?.Remove(slot);
        }
    }

    public void Remove(int workId)
    {
        var slot = SlotOf(workId);
        if (slot < 0 || (Flags[slot] & WorkFlags.Live) == 0)
        {
            return;
        }
        Summaries.Remove(slot);
        foreach (var tag in FilterTags[slot])
        {
            Postings.GetValueOrDefault(tag)?.Remove(slot);
        }
        ForgetCreators(slot);
        Flags[slot] = 0;
        FilterTags[slot] = [];
        CreatorUsers[slot] = [];
        Pseuds[slot] = [];
        Series[slot] = [];
        LiveCount--;
    }

    /// <summary>Gives tags on at least 1/256 of the works a bitset; called after a bulk load and now and then after updates.</summary>
    public void RefreshBitsets()
    {
        var threshold = Math.Max(64, Count / 256);
        foreach (var postings in Postings.Values)
        {
            postings.UpdateBits(threshold, _capacity);
        }
    }

    public short LanguageCode(string language)
    {
        if (!Languages.TryGetValue(language, out var code))
        {
            Languages[language] = code = (short)(Languages.Count + 1);
        }
        return code;
    }

    private int NewSlot(int workId)
    {
        if (Count == _capacity)
        {
            Grow(Math.Max(1024, _capacity * 2));
        }
        if (workId >= _slotOfWork.Length)
        {
            Array.Resize(ref _slotOfWork, Math.Max(workId + 1, _slotOfWork.Length * 2));
        }
        var slot = Count++;
        WorkId[slot] = workId;
        _slotOfWork[workId] = slot + 1;
        return slot;
    }

    private void Grow(int capacity)
    {
        _capacity = capacity;
        Array.Resize(ref WorkId, capacity);
        Array.Resize(ref Flags, capacity);
        Array.Resize(ref Words, capacity);
        Array.Resize(ref Kudos, capacity);
        Array.Resize(ref Hits, capacity);
        Array.Resize(ref Comments, capacity);
        Array.Resize(ref Bookmarks, capacity);
        Array.Resize(ref Chapters, capacity);
        Array.Resize(ref Posted, capacity);
        Array.Resize(ref Updated, capacity);
        Array.Resize(ref Language, capacity);
        Array.Resize(ref Title, capacity);
        Array.Resize(ref CreatorName, capacity);
        Array.Resize(ref FilterTags, capacity);
        Array.Resize(ref CreatorUsers, capacity);
        Array.Resize(ref Pseuds, capacity);
        Array.Resize(ref Series, capacity);
    }
}
