using System.Text;
using Makimono.Import.Structure;

namespace Makimono.Bench;

/// <summary>
/// Fan-fiction-shaped text of our own (never the samples): a title block, chapters with author's notes,
/// scene breaks, dialogue and a small cast of invented names, so the name and tag passes have real work.
/// </summary>
internal sealed class SyntheticStory(int seed)
{
    private static readonly string[] Cast = ["Aren", "Talis", "Mirela", "Oskar", "Nadia", "Corin", "Hestia", "Bram", "Yuki", "Selwyn", "Imara", "Dov"];
    private static readonly string[] Honorifics = ["", "", "", "", "-san", "-kun"];
    private static readonly string[] Verbs = ["walked", "looked", "laughed", "waited", "turned", "sighed", "listened", "smiled", "frowned", "paused"];
    private static readonly string[] Words =
    [
        "the", "old", "lantern", "river", "quiet", "morning", "across", "bridge", "with", "a", "small", "cup", "of", "tea", "and",
        "rain", "against", "window", "letter", "never", "sent", "harbour", "market", "was", "still", "cold", "under", "stars",
        "kiss", "fight", "blood", "tired", "garden", "stairs", "promise", "their", "hands", "slowly", "again", "because",
    ];

    private readonly Random random = new(seed);

    private string Name() => Cast[random.Next(Cast.Length)] + Honorifics[random.Next(Honorifics.Length)];

    private string Sentence()
    {
        var sb = new StringBuilder();
        sb.Append(Name()).Append(' ').Append(Verbs[random.Next(Verbs.Length)]);
        var length = random.Next(6, 16);
        for (var i = 0; i < length; i++)
        {
            sb.Append(' ').Append(i == length / 2 && random.Next(3) == 0 ? "with " + Name() : Words[random.Next(Words.Length)]);
        }
        return sb.Append('.').ToString();
    }

    public string Paragraph()
    {
        if (random.Next(4) == 0)
        {
            return $"\"{Sentence()}\" said {Name()}, and {Name()} {Verbs[random.Next(Verbs.Length)]}.";
        }
        return string.Join(' ', Enumerable.Range(0, random.Next(2, 6)).Select(_ => Sentence()));
    }

    /// <summary>Plain text of about <paramref name="bytes"/> UTF-8 bytes.</summary>
    public string PlainText(int bytes, string title)
    {
        var sb = new StringBuilder();
        sb.Append(title).Append("\nby Quillwright\n\nRating: Teen And Up Audiences\nCharacters: Aren, Talis, Mirela\n\n");
        sb.Append("A/N: Thank you for reading! This is all made up.\n\n");
        for (var chapter = 1; sb.Length < bytes; chapter++)
        {
            sb.Append($"Chapter {chapter}: The {Words[random.Next(Words.Length)]} {Words[random.Next(Words.Length)]}\n\n");
            if (chapter % 3 == 0)
            {
                sb.Append("Author's note: sorry this one is late.\n\n");
            }
            var paragraphs = random.Next(20, 60);
            for (var p = 0; p < paragraphs && sb.Length < bytes; p++)
            {
                sb.Append(p > 0 && p % 15 == 0 ? "* * *\n\n" : string.Empty).Append(Paragraph()).Append("\n\n");
            }
        }
        return sb.ToString();
    }

    /// <summary>A plain HTML story (not AO3's layout) of about <paramref name="bytes"/> bytes.</summary>
    public string Html(int bytes, string title)
    {
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\n<h1>{title}</h1>\n<p>by Quillwright</p>\n");
        sb.Append("<p><em>A/N: Thank you for reading! This is all made up.</em></p>\n");
        for (var chapter = 1; sb.Length < bytes; chapter++)
        {
            sb.Append($"<h2>Chapter {chapter}: The {Words[random.Next(Words.Length)]}</h2>\n");
            var paragraphs = random.Next(20, 60);
            for (var p = 0; p < paragraphs && sb.Length < bytes; p++)
            {
                sb.Append(p > 0 && p % 15 == 0 ? "<hr />\n" : string.Empty)
                    .Append(random.Next(5) == 0 ? $"<p><i>{Paragraph()}</i></p>\n" : $"<p>{Paragraph()}</p>\n");
            }
        }
        return sb.Append("</body></html>\n").ToString();
    }
}
