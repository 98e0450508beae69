namespace Makimono.Works;

public static class WorkStats
{
    /// <summary>Recomputes the figures listings show, from the chapters. Call after any chapter change.</summary>
    /// <param name="updatedAt">
    /// When the text changed (a chapter posted or edited), which moves the work up in listings; null for
    /// changes that should not, such as new tags or a new chapter order.
    /// </param>
    public static void Refresh(Work work, DateTime? updatedAt)
    {
        var posted = work.Chapters.Where(c => !c.IsDraft).ToList();
        work.PostedChapterCount = posted.Count;
        work.WordCount = posted.Sum(c => c.WordCount);
        work.IsComplete = work.ExpectedChapters is int expected && posted.Count >= expected;
        if (updatedAt is { } changed)
        {
            work.UpdatedAt = changed;
        }
        var position = 1;
        foreach (var chapter in work.Chapters.OrderBy(c => c.Position))
        {
            chapter.Position = position++;
        }
    }

    /// <summary>"3/?" or "3/5", as AO3 shows chapters.</summary>
    public static string ChapterFraction(Work work) =>
        $"{work.PostedChapterCount}/{(work.ExpectedChapters?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")}";
}
