using AngleSharp.Html.Dom;

namespace Makimono.Tests.Web.Crawling;

/// <summary>What the crawler types into the forms it knows: the names, passwords and tags of the seeded archive.</summary>
internal sealed class KnownValues(string role, string userName)
{
    private int signUps;

    /// <summary>Valid values for the fields the crawler knows, where the form leaves them empty; the defaults elsewhere.</summary>
    public void Fill(HtmlForm filled, IHtmlFormElement form)
    {
        var signingUp = form.Elements.Any(e => e.GetAttribute("name") == "Email");
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (name is null || element is IHtmlInputElement { Type: "hidden" or "checkbox" or "radio" or "submit" or "file" })
            {
                continue;
            }
            var current = element switch
            {
                IHtmlInputElement input => input.Value,
                IHtmlTextAreaElement area => area.Value,
                _ => null,
            };
            if (current is not { Length: 0 } || For(name, signingUp) is not { } value)
            {
                continue;
            }
            filled.Set(name, value);
        }
        var warnings = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Name == "Work.WarningIds").ToList();
        if (warnings.Count > 0 && !warnings.Any(w => w.IsChecked))
        {
            filled.Check("Work.WarningIds", "14");
        }
    }

    public string? For(string name, bool signingUp) => name switch
    {
        "UserName" when signingUp => $"{role}signup{++signUps}",
        "UserName" or "userName" => role == "guest" ? "reader" : userName,
        "Email" => $"{role}signup{signUps}@example.org",
        "Password" or "CurrentPassword" or "NewPassword" => WebClient.Password,
        "Work.Title" => "Crawled Work",
        "Work.Fandoms" or "fandomName" or "parentName" or "otherName" => CrawlSeed.Fandom,
        "Chapter.Body" => "Kakashi read the letter twice. Iruka had written it in a hurry.",
        "Comment.Body" => "The letter scene made me cry.",
        "Comment.GuestName" => "Crawling Guest",
        "Comment.GuestEmail" => "crawling-guest@example.org",
        "canonicalName" or "metaName" => "Hatake Kakashi",
        "NewPseud" => "Crawled Pseud",
        _ => null,
    };
}
