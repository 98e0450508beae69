using System.Globalization;
using Makimono.Accounts;
using Makimono.Database;
using Makimono.Text;
using Microsoft.EntityFrameworkCore;

namespace Makimono.Works;

/// <summary>Creating a work with its first chapter, and changing a work's metadata.</summary>
public static partial class SaveWork
{
    public static async Task<(Work? Work, FormErrors Errors)> CreateAsync(
        ArchiveDbContext db, TimeProvider clock, int userId, WorkForm form, ChapterForm chapterForm, bool post,
        bool acceptRemovals, FormErrors? unreadable = null, CancellationToken ct = default)
    {
        var errors = FormErrors.StartingWith(unreadable);
        var now = clock.GetUtcNow().UtcDateTime;
        var work = new Work { Title = string.Empty, CreatedAt = now, IsDraft = !post, PostedAt = post ? now : null };
        var chapter = ChapterEditing.Build(chapterForm, errors, isDraft: !post, now);
        await ApplyAsync(db, clock, userId, work, form, errors, acceptRemovals, manageCreators: true, ct);
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return (null, errors);
        }
        work.Chapters.Add(chapter!);
        WorkStats.Refresh(work, now);
        chapter!.PublishedOn = work.PublishedOn;
        db.Works.Add(work);
        await db.SaveChangesAsync(ct);
        return (work, errors);
    }

    /// <summary>
    /// Saves an edit by a creator or, of a posted work, an admin. Only creators manage creators: an admin's edit keeps
    /// the creators and pending invitations as they were, whatever the form says.
    /// </summary>
    public static async Task<FormErrors> UpdateAsync(
        ArchiveDbContext db, TimeProvider clock, Viewer editor, Work work, WorkForm form, bool acceptRemovals,
        FormErrors? unreadable = null, CancellationToken ct = default)
    {
        var errors = FormErrors.StartingWith(unreadable);
        EditConflicts.Check(errors, EditConflicts.WorkField, form.Version, work.Version);
        if (!EditConflicts.IsConflict(errors))
        {
            var isCreator = WorkAccess.ManagesCreators(work, editor);
            // Series belong to a user: an admin's edit files the work in its first creator's series.
            var seriesOwnerId = isCreator
                ? editor.UserId!.Value
                : work.Creators.Where(c => c.Accepted).OrderBy(c => c.Position).First().Pseud.UserId;
            await ApplyAsync(db, clock, seriesOwnerId, work, form, errors, acceptRemovals, manageCreators: isCreator, ct);
        }
        if (errors.Any)
        {
            db.ChangeTracker.Clear();
            return errors;
        }
        WorkStats.Refresh(work, updatedAt: null);
        work.Version++;
        await EditConflicts.SaveAsync(db, errors, EditConflicts.WorkField, ct);
        return errors;
    }

    /// <summary>Posts a draft work and the chapters it has.</summary>
    public static async Task PostDraftAsync(ArchiveDbContext db, TimeProvider clock, Work work, CancellationToken ct = default)
    {
        var today = Today(clock);
        // A draft is published the day it is posted, unless its author chose an earlier date on purpose.
        if (work.PublishedOn == DateOnly.FromDateTime(work.CreatedAt))
        {
            work.PublishedOn = today;
            foreach (var chapter in work.Chapters)
            {
                chapter.PublishedOn = today;
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        work.IsDraft = false;
        work.PostedAt = now;
        foreach (var chapter in work.Chapters.Where(c => c.IsDraft))
        {
            chapter.IsDraft = false;
            chapter.PostedAt = now;
        }
        WorkStats.Refresh(work, now);
        await db.SaveChangesAsync(ct);
    }

    public static void FillForm(WorkForm form, Work work, int userId)
    {
        form.Title = work.Title;
        form.Summary = UserHtml.ForEditing(work.Summary);
        form.Notes = UserHtml.ForEditing(work.Notes);
        form.EndNotes = UserHtml.ForEditing(work.EndNotes);
        form.Language = Languages.NameOf(work.Language);
        form.ExpectedChapters = work.ExpectedChapters?.ToString(CultureInfo.InvariantCulture) ?? "?";
        form.PublishedOn = work.PublishedOn;
        form.IsRestricted = work.IsRestricted;
        form.WhoMayComment = work.WhoMayComment;
        form.ModeratesComments = work.ModeratesComments;
        form.PseudId = work.Creators.FirstOrDefault(c => c.Pseud.UserId == userId)?.PseudId;
        form.CoCreators = string.Join(", ", work.Creators.Where(c => c.Pseud.UserId != userId)
            .OrderBy(c => c.Position).Select(c => $"{c.Pseud.Name} ({c.Pseud.User.UserName})"));
        form.SeriesTitles = string.Join(", ", work.Series.Select(s => s.Series.Title));
        form.Version = work.Version;
        WorkTagging.FillForm(form, work);
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task ApplyAsync(
        ArchiveDbContext db, TimeProvider clock, int userId, Work work, WorkForm form, FormErrors errors, bool acceptRemovals,
        bool manageCreators, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var title = form.Title?.Trim() ?? string.Empty;
        if (title.Length == 0)
        {
            errors.Add("Work.Title", "Give the work a title.");
        }
        else if (title.Length > Limits.TitleMax)
        {
            errors.Add("Work.Title", $"Titles are at most {Limits.TitleMax} characters; this one has {title.Length}.");
        }
        else if (PlainLine.Refuses(title))
        {
            errors.Add("Work.Title", PlainLine.Message("the title"));
        }

        var typedLanguage = form.Language?.Trim();
        // A work keeps its language as stored (a code from an older archive the list may not know) unless it is changed.
        var language = string.IsNullOrEmpty(typedLanguage) ? Languages.DefaultCode
            : typedLanguage == work.Language || typedLanguage == Languages.NameOf(work.Language) ? work.Language
            : Languages.CodeOf(typedLanguage);
        if (language is null)
        {
            errors.Add("Work.Language", $"\u201C{typedLanguage}\u201D is not a language this archive knows. Type the language's own name, such as English, Français or 日本語 (the field offers them as you type), or its code, such as en, fr or ja.");
        }

        int? expected = null;
        var expectedText = form.ExpectedChapters?.Trim();
        if (!string.IsNullOrEmpty(expectedText) && expectedText != "?")
        {
            if (!int.TryParse(expectedText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 5000)
            {
                errors.Add("Work.ExpectedChapters", "Enter the number of chapters you plan, or ? if you don't know yet.");
            }
            else if (n < work.Chapters.Count(c => !c.IsDraft))
            {
                errors.Add("Work.ExpectedChapters", $"The work already has {work.Chapters.Count(c => !c.IsDraft)} posted chapters; the expected count cannot be lower.");
            }
            else
            {
                expected = n;
            }
        }

        var today = Today(clock);
        var publishedOn = form.PublishedOn ?? (work.Id == 0 ? today : work.PublishedOn);
        if (publishedOn > today)
        {
            errors.Add("Work.PublishedOn", "The publication date cannot be in the future; backdating is fine.");
        }
        else if (publishedOn < Limits.EarliestPublishedOn)
        {
            errors.Add("Work.PublishedOn", $"The publication date can go back to {Limits.EarliestPublishedOn:yyyy-MM-dd} at the earliest; {publishedOn:yyyy-MM-dd} looks like a slip.");
        }

        if (!Enum.IsDefined(form.WhoMayComment))
        {
            errors.Add("Work.WhoMayComment", "Choose who may comment: everyone, logged-in users or nobody.");
        }

        var summary = FormHtml.Clean(errors, "Work.Summary", "Summaries", form.Summary, Limits.SummaryMax);
        var notes = FormHtml.Clean(errors, "Work.Notes", "Notes", form.Notes, Limits.NotesMax);
        var endNotes = FormHtml.Clean(errors, "Work.EndNotes", "End notes", form.EndNotes, Limits.NotesMax);
        errors.RequireAcceptedRemovals(acceptRemovals);

        var tags = await WorkTagging.ResolveAsync(db, form, errors, now, ct);
        if (manageCreators)
        {
            await WorkCreators.ApplyAsync(db, userId, work, form, errors, ct);
        }
        var series = await WorkSeries.ResolveAsync(db, userId, form.SeriesTitles, errors, now, ct);
        if (errors.Any)
        {
            return;
        }
        if (await WorkTagging.StoreNewAsync(db, tags, errors, ct) is not { } stored)
        {
            return;
        }
        tags = stored;

        work.Title = title;
        work.Summary = summary;
        work.Notes = notes;
        work.EndNotes = endNotes;
        work.Language = language!;
        work.ExpectedChapters = expected;
        work.PublishedOn = publishedOn;
        work.IsRestricted = form.IsRestricted;
        work.WhoMayComment = form.WhoMayComment;
        work.ModeratesComments = form.ModeratesComments;
        work.Tags.RemoveAll(wt => !tags.Contains(wt.Tag));
        foreach (var tag in tags.Where(t => work.Tags.All(wt => wt.Tag != t)))
        {
            work.Tags.Add(new WorkTag { Work = work, Tag = tag });
        }
        WorkSeries.Apply(work, series, now);
        await Tags.Wrangling.WorkFilters.ApplyAsync(db, work, ct);
    }
}
