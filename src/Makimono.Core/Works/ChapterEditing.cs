using Makimono.Database;
using Makimono.Text;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Works;

/// <summary>Adding, changing, reordering and deleting the chapters of a work.</summary>
public static class ChapterEditing
{
    /// <summary>Validates a chapter form and builds the chapter; returns null (with errors) when it is not valid.</summary>
    internal static Chapter? Build(ChapterForm form, FormErrors errors, bool isDraft, DateTime now)
    {
        var chapter = new Chapter { Body = string.Empty, IsDraft = isDraft, PublishedOn = DateOnly.FromDateTime(now), UpdatedAt = now, PostedAt = isDraft ? null : now };
        return Apply(chapter, form, errors) ? chapter : null;
    }

    public static async Task<(Chapter? Chapter, FormErrors Errors)> AddAsync(
        ArchiveDbContext db, TimeProvider clock, Work work, ChapterForm form, bool post, bool acceptRemovals,
        CancellationToken ct = default)
    {
        var errors = new FormErrors();
        var chapter = Build(form, errors, isDraft: !post, clock.GetUtcNow().UtcDateTime);
        errors.RequireAcceptedRemovals(acceptRemovals);
        if (errors.Any)
        {
            return (null, errors);
        }
        if (work.ExpectedChapters is int expected && !chapter!.IsDraft && work.PostedChapterCount + 1 > expected)
        {
            // Posting past the planned count means the plan grew, as AO3 does.
            work.ExpectedChapters = work.PostedChapterCount + 1;
        }
        chapter!.Position = work.Chapters.Count + 1;
        work.Chapters.Add(chapter);
        // A draft chapter is not news yet: only posting moves the work up in listings.
        WorkStats.Refresh(work, chapter.IsDraft ? null : clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (chapter, errors);
    }

    public static async Task<FormErrors> UpdateAsync(
        ArchiveDbContext db, TimeProvider clock, Work work, Chapter chapter, ChapterForm form, bool? post, bool acceptRemovals,
        CancellationToken ct = default)
    {
        var errors = new FormErrors();
        EditConflicts.Check(errors, EditConflicts.ChapterField, form.Version, chapter.Version);
        if (errors.Any)
        {
            return errors;
        }
        var edited = new Chapter { Body = string.Empty };
        Apply(edited, form, errors);
        errors.RequireAcceptedRemovals(acceptRemovals);
        if (post == false && !work.IsDraft && !chapter.IsDraft && work.Chapters.Count(c => !c.IsDraft) == 1)
        {
            errors.Add("Chapter.Body", "This is the work's only posted chapter, so it cannot go back to being a draft.");
        }
        if (errors.Any)
        {
            return errors;
        }
        chapter.Title = edited.Title;
        chapter.Summary = edited.Summary;
        chapter.Notes = edited.Notes;
        chapter.EndNotes = edited.EndNotes;
        chapter.Body = edited.Body;
        chapter.WordCount = edited.WordCount;
        chapter.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        if (post is bool posting && !work.IsDraft)
        {
            if (posting && chapter.IsDraft)
            {
                chapter.PostedAt = chapter.UpdatedAt;
            }
            chapter.IsDraft = !posting;
        }
        chapter.Version++;
        WorkStats.Refresh(work, chapter.IsDraft ? null : chapter.UpdatedAt);
        await EditConflicts.SaveAsync(db, errors, EditConflicts.ChapterField, ct);
        return errors;
    }

    /// <summary>Moves a chapter to a new 1-based position; the others close up around it.</summary>
    public static async Task MoveAsync(ArchiveDbContext db, Work work, int chapterId, int newPosition, CancellationToken ct = default)
    {
        var ordered = work.Chapters.OrderBy(c => c.Position).ToList();
        var chapter = ordered.FirstOrDefault(c => c.Id == chapterId);
        if (chapter is null)
        {
            return;
        }
        ordered.Remove(chapter);
        ordered.Insert(Math.Clamp(newPosition - 1, 0, ordered.Count), chapter);
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
        WorkStats.Refresh(work, updatedAt: null);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Why the chapter may not be deleted, or null when it may: a work keeps at least one chapter, and a posted work at
    /// least one posted chapter, so the last one goes only with the work. Pages ask this before offering the button.
    /// </summary>
    public static string? WhyNotDeletable(Work work, Chapter chapter)
    {
        if (work.Chapters.Count <= 1)
        {
            return "This is the work's only chapter. Delete the work instead.";
        }
        if (!work.IsDraft && !chapter.IsDraft && work.Chapters.Count(c => !c.IsDraft) == 1)
        {
            return "This is the work's only posted chapter. Post another chapter first, or delete the work instead.";
        }
        return null;
    }

    /// <summary>Deletes a chapter, unless <see cref="WhyNotDeletable"/> refuses; returns the refusal.</summary>
    public static async Task<string?> DeleteAsync(ArchiveDbContext db, Work work, Chapter chapter, CancellationToken ct = default)
    {
        if (WhyNotDeletable(work, chapter) is { } refusal)
        {
            return refusal;
        }
        // The database deletes the chapter's comments with it; the work's figure forgets them in the same save.
        work.CommentCount -= await db.Comments.CountAsync(
            c => c.ChapterId == chapter.Id && c.State == Responses.Comments.CommentState.Published, ct);
        work.Chapters.Remove(chapter);
        db.Chapters.Remove(chapter);
        WorkStats.Refresh(work, updatedAt: null);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static void FillForm(ChapterForm form, Chapter chapter)
    {
        form.Title = chapter.Title;
        form.Summary = UserHtml.ForEditing(chapter.Summary);
        form.Notes = UserHtml.ForEditing(chapter.Notes);
        form.EndNotes = UserHtml.ForEditing(chapter.EndNotes);
        form.Body = UserHtml.ForEditing(chapter.Body);
        form.Version = chapter.Version;
    }

    private static bool Apply(Chapter chapter, ChapterForm form, FormErrors errors)
    {
        var before = errors.Fields.Count;
        var title = form.Title?.Trim();
        if (title?.Length > Limits.TitleMax)
        {
            errors.Add("Chapter.Title", $"Chapter titles are at most {Limits.TitleMax} characters.");
        }
        else if (title is not null && PlainLine.Refuses(title))
        {
            errors.Add("Chapter.Title", PlainLine.Message("the chapter title"));
        }
        var length = form.Body?.Trim().Length ?? 0;
        var body = new SanitizedHtml(string.Empty, []);
        if (length < Limits.ChapterBodyMin)
        {
            errors.Add("Chapter.Body", $"The chapter text needs at least {Limits.ChapterBodyMin} characters.");
        }
        else if (length > Limits.ChapterBodyMax)
        {
            // Checked before sanitizing, whose work grows with the text.
            errors.Add("Chapter.Body", $"A chapter can have at most {Limits.ChapterBodyMax:N0} characters; this one has {length:N0}. Split it into two chapters.");
        }
        else
        {
            body = FormHtml.Sanitize(errors, "Chapter.Body", form.Body);
            if (body.Refusal is null && body.Html.Length == 0)
            {
                errors.Add("Chapter.Body", "Nothing is left of the chapter text once disallowed HTML is removed.");
            }
        }

        chapter.Title = string.IsNullOrEmpty(title) ? null : title;
        chapter.Summary = FormHtml.Clean(errors, "Chapter.Summary", "Chapter summaries", form.Summary, Limits.SummaryMax);
        chapter.Notes = FormHtml.Clean(errors, "Chapter.Notes", "Chapter notes", form.Notes, Limits.NotesMax);
        chapter.EndNotes = FormHtml.Clean(errors, "Chapter.EndNotes", "Chapter end notes", form.EndNotes, Limits.NotesMax);
        chapter.Body = body.Html;
        chapter.WordCount = WordCounter.CountHtml(body.Html);
        return errors.Fields.Count == before;
    }

    internal static Task<Chapter?> FindAsync(ArchiveDbContext db, int workId, int chapterId, CancellationToken ct) =>
        db.Chapters.FirstOrDefaultAsync(c => c.WorkId == workId && c.Id == chapterId, ct);
}
