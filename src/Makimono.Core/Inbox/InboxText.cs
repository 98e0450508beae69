using System.Globalization;

namespace Makimono.Inbox;

/// <summary>The sentence each inbox line reads as, on the inbox page and in its Atom feed alike.</summary>
public static class InboxText
{
    public static string Of(InboxGroup group, InboxLine line, InboxNames names) => line.Kind switch
    {
        InboxKind.Kudos => $"{People(line.Count)} left kudos on {group.WorkTitle}",
        InboxKind.NewChapter => $"{Count(line.Count, "new chapter", "new chapters")} of {group.WorkTitle}",
        InboxKind.NewWork => names.Creators.TryGetValue(group.WorkId, out var creators)
            ? $"New work by {string.Join(", ", creators)}: {group.WorkTitle}"
            : $"New work: {group.WorkTitle}",
        InboxKind.NewSeriesPart => $"{group.WorkTitle} is a new part of {Names(line, names.Series, "a series you follow")}",
        InboxKind.SavedSearchMatch => $"{group.WorkTitle} matches your saved search {Names(line, names.SavedSearches, "")}".TrimEnd(),
        InboxKind.CommentOnMyWork => $"{Count(line.Count, "new comment", "new comments")} on {group.WorkTitle}",
        InboxKind.ReplyToMyComment => $"{Count(line.Count, "reply", "replies")} to your comments on {group.WorkTitle}",
        _ => $"{Count(line.Count, "update", "updates")} on {group.WorkTitle}",
    };

    public static string People(int count) => count == 1 ? "1 person" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} people";

    public static string Count(int count, string one, string many) =>
        count == 1 ? $"1 {one}" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {many}";

    private static string Names(InboxLine line, IReadOnlyDictionary<long, string> known, string unknown)
    {
        var listed = line.Recent.Select(i => i.SourceId).Distinct().Where(known.ContainsKey).Select(id => known[id]).ToList();
        return listed.Count == 0 ? unknown : string.Join(", ", listed);
    }

    public static string ChapterName((int Number, string? Title) chapter) =>
        string.IsNullOrWhiteSpace(chapter.Title) ? $"Chapter {chapter.Number}" : $"Chapter {chapter.Number}: {chapter.Title}";
}
