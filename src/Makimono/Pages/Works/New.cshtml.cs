using Makimono.Accounts;
using Makimono.Database;
using Makimono.Import.Formats;
using Makimono.Import;
using Makimono.Tags.Suggestions;
using Makimono.Tags;
using Makimono.Web.Forms;
using Makimono.Web.PageModels;
using Makimono.Works;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Makimono.Pages.Works;

// A file a little over the import limit must still arrive whole, so that the page can say what the limit is
// instead of the request failing on the way in.
[PostedBodyLimit(UploadRequestLimit)]
public class NewWorkModel(ArchiveDbContext db, TimeProvider clock) : PageModel
{
    private const long UploadRequestLimit = 3 * ImportOptions.DefaultMaxBytes;

    public static string UploadLimit { get; } = $"{ImportOptions.DefaultMaxBytes / 1024 / 1024} MB";

    [BindProperty] public WorkForm Work { get; set; } = new() { WarningIds = [] };
    [BindProperty] public ChapterForm Chapter { get; set; } = new();
    /// <summary>Chapters after the first, as an uploaded file brought them.</summary>
    [BindProperty] public List<ChapterForm> MoreChapters { get; set; } = [];
    /// <summary>Indexes into <see cref="MoreChapters"/> the author chose not to post.</summary>
    [BindProperty] public List<int> LeaveOut { get; set; } = [];
    [BindProperty] public bool AcceptRemovals { get; set; }
    /// <summary>The <see cref="ImportedFile"/> of the last upload, carried through the form.</summary>
    [BindProperty] public string? ImportedJson { get; set; }
    /// <summary>The suggestions last shown, from an upload or "Suggest tags", carried so ticked ones can be applied.</summary>
    [BindProperty] public string? SuggestionsJson { get; set; }
    [BindProperty] public List<string> AcceptCharacters { get; set; } = [];
    [BindProperty] public List<string> AcceptRelationships { get; set; } = [];
    [BindProperty] public List<string> AcceptWarnings { get; set; } = [];
    [BindProperty] public string? AcceptRating { get; set; }

    public ImportedFile? Imported { get; private set; }
    public string? UploadError { get; private set; }
    public IReadOnlyList<Pseud> Pseuds { get; private set; } = [];
    public IReadOnlyList<string> RemovedHtml { get; private set; } = [];
    public ImportSuggestions? Suggestions { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadPseudsAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? submit, CancellationToken ct)
    {
        Imported = ImportedFile.FromJson(ImportedJson);
        Suggestions = FormJson.Read<ImportSuggestions>(SuggestionsJson);
        if (submit == "suggest")
        {
            // Nothing is saved: the form comes back as typed, with guesses for the author to tick or ignore.
            Suggestions = await SuggestTags.ForPostingAsync(db, Work.Fandoms, Chapter.Body, ct);
            await LoadPseudsAsync(ct);
            return Page();
        }
        // Read before the model state is cleared below: a value the form never offered is refused, not defaulted.
        var unreadable = UnreadableValues.Under(ModelState, nameof(Work));
        if (LeaveOut.Count > 0)
        {
            MoreChapters = MoreChapters.Where((_, i) => !LeaveOut.Contains(i)).ToList();
            LeaveOut = [];
            // The form is shown from the model again, whose chapters are now numbered differently from the post.
            ModelState.Clear();
        }
        var (work, errors) = await SaveWork.CreateAsync(db, clock, this.UserId(), Work, Chapter, MoreChapters,
            post: submit != "draft", AcceptRemovals, unreadable, ct);
        if (work is null)
        {
            ModelState.AddErrors(errors);
            RemovedHtml = errors.RemovedHtml;
            await LoadPseudsAsync(ct);
            return Page();
        }
        return Redirect($"/works/{work.Id}");
    }

    /// <summary>
    /// A chapter as its box shows it: plain paragraphs as the writer would type them, not the &lt;p&gt; tags a .txt
    /// never had, wherever posting them gives back exactly the imported HTML (as the edit page shows stored text).
    /// </summary>
    private static ChapterForm ForTheForm(ImportedChapter chapter)
    {
        var form = ImportIntoArchive.ChapterFormFor(chapter);
        form.Body = Text.UserHtml.ForEditing(form.Body) ?? form.Body;
        return form;
    }

    /// <summary>Fills the form from an uploaded file for the author to check; nothing is saved.</summary>
    public async Task<IActionResult> OnPostImportAsync(IFormFile? upload, CancellationToken ct)
    {
        await LoadPseudsAsync(ct);
        if (upload is null)
        {
            UploadError = "Choose a file to import.";
            return Page();
        }
        if (upload.Length > ImportOptions.DefaultMaxBytes)
        {
            UploadError = $"The file is {upload.Length / 1024.0 / 1024.0:0.#} MB; the limit is {UploadLimit}. Split the story into smaller files and import the first.";
            return Page();
        }
        ImportedWork imported;
        try
        {
            using var bytes = new MemoryStream((int)upload.Length);
            await upload.CopyToAsync(bytes, ct);
            var fileName = Path.GetFileName(upload.FileName);
            imported = FileImport.Read(fileName, Path.GetExtension(fileName), bytes.ToArray());
        }
        catch (ImportException refused)
        {
            UploadError = refused.Message;
            return Page();
        }
        await SuggestTags.MapToExistingTagsAsync(db, imported, ct);
        // The upload is sent with the posting form, so what was typed before importing arrives with it and is kept.
        var (merged, keptTyped) = ImportOverTypedForm.Merge(Work, ImportIntoArchive.FormFor(imported));
        var replacedChapter = !string.IsNullOrWhiteSpace(Chapter.Body);
        Work = merged;
        Chapter = ForTheForm(imported.Chapters[0]);
        MoreChapters = imported.Chapters.Skip(1).Select(ForTheForm).ToList();
        Imported = ImportedFile.From(Path.GetFileName(upload.FileName), imported, keptTyped, replacedChapter);
        ImportedJson = Imported.ToJson();
        Suggestions = imported.Suggestions;
        // The form is shown from the merged model, not from what was posted.
        ModelState.Clear();
        return Page();
    }

    /// <summary>Adds the suggestions the author ticked to the form and shows it again; nothing is saved.</summary>
    public async Task<IActionResult> OnPostApplySuggestionsAsync(CancellationToken ct)
    {
        await LoadPseudsAsync(ct);
        Imported = ImportedFile.FromJson(ImportedJson);
        Suggestions = FormJson.Read<ImportSuggestions>(SuggestionsJson);
        if (Suggestions is not null)
        {
            ImportSuggestionsForm.Apply(Work, Suggestions, AcceptCharacters, AcceptRelationships, AcceptRating, AcceptWarnings);
        }
        // The fields are shown from the model, which now holds the added tags.
        ModelState.Clear();
        return Page();
    }

    private async Task LoadPseudsAsync(CancellationToken ct)
    {
        var userId = this.UserId();
        Pseuds = await PseudQueries.OfUserAsync(db, userId, ct);
    }
}
