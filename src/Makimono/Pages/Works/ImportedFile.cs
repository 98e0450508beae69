using System.Globalization;
using Makimono.Import;
using Makimono.Web.Forms;

namespace Makimono.Pages.Works;

/// <summary>
/// What an uploaded file held beyond the form's fields: how it was read and what was recognised.
/// It rides along in a hidden field so the notice survives the form's round trips; tampering with it can only
/// change the notice.
/// </summary>
public sealed class ImportedFile
{
    public required string FileName { get; init; }
    public required string Format { get; init; }
    public string? Encoding { get; init; }
    public bool EncodingGuessed { get; init; }
    public List<string> Found { get; init; } = [];
    public List<string> Warnings { get; init; } = [];
    /// <summary>Fields where the writer had typed something other than the file's value, and the typed value was kept.</summary>
    public List<string> KeptTyped { get; init; } = [];
    /// <summary>Whether chapter text typed before importing was replaced by the file's chapters.</summary>
    public bool ReplacedTypedChapter { get; init; }

    public static ImportedFile From(string fileName, ImportedWork work, IReadOnlyList<string> keptTyped, bool replacedTypedChapter) => new()
    {
        KeptTyped = [.. keptTyped],
        ReplacedTypedChapter = replacedTypedChapter,
        FileName = fileName,
        Format = work.Format,
        Encoding = work.Encoding,
        EncodingGuessed = work.EncodingGuessed,
        Found = WhatWasFound(work),
        Warnings = [.. work.Warnings],
    };

    public string ToJson() => FormJson.Write(this);

    /// <summary>The carried notice, or null when there is none or it was mangled on the way.</summary>
    public static ImportedFile? FromJson(string? json) => FormJson.Read<ImportedFile>(json);

    /// <summary>The fields the importer filled, in the order of the form, so the author knows what to check.</summary>
    private static List<string> WhatWasFound(ImportedWork work)
    {
        var found = new List<string>();
        void Add(bool present, string what)
        {
            if (present)
            {
                found.Add(what);
            }
        }
        Add(work.Title is not null, "title");
        Add(work.Creators.Count > 0, "author");
        Add(work.Summary is not null, "summary");
        Add(work.Notes is not null, "author's note");
        Add(work.EndNotes is not null, "end notes");
        Add(work.Disclaimer is not null, "disclaimer");
        Add(work.ContentNotes is not null, "content notes");
        Add(work.Rating is not null, "rating");
        Add(work.ArchiveWarnings.Count > 0, "archive warnings");
        Add(work.Fandoms.Count > 0, "fandoms");
        Add(work.Relationships.Count > 0, "relationships");
        Add(work.Characters.Count > 0, "characters");
        Add(work.Freeforms.Count > 0, "additional tags");
        Add(work.Series.Count > 0, "series");
        found.Add(Count(work.Chapters.Count, "chapter"));
        var sceneBreaks = work.Chapters.Sum(c => CountOf(c.Html, "<hr"));
        Add(sceneBreaks > 0, Count(sceneBreaks, "scene break"));
        return found;
    }

    private static string Count(int n, string what) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? "" : "s")}");

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.OrdinalIgnoreCase))
        {
            count++;
        }
        return count;
    }
}
