using AngleSharp.Html.Dom;

namespace Makimono.Tests.Web;

/// <summary>
/// What someone who was not shown a button can still send: the form another person was served (its action and fields),
/// copied and sent with their own session and anti-forgery token. Authorization tests use it; nothing builds the URL.
/// </summary>
public static class ForgedForms
{
    public static async Task<HttpResponseMessage> ReplayAsync(this WebClient stranger, HtmlForm seenBySomeoneElse)
    {
        var token = await TokenAsync(stranger);
        var fields = seenBySomeoneElse.Fields
            .Select(f => f.Key == "__RequestVerificationToken" ? new(f.Key, token) : f)
            .ToList();
        Assert.Equal("POST", seenBySomeoneElse.Method);
        return await stranger.Http.PostAsync(seenBySomeoneElse.Action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The form as served but without its anti-forgery token, as a cross-site forgery would arrive.</summary>
    public static Task<HttpResponseMessage> WithoutTokenAsync(this WebClient client, HtmlForm form) =>
        client.Http.PostAsync(form.Action, new FormUrlEncodedContent(form.Fields.Where(f => f.Key != "__RequestVerificationToken")));

    /// <summary>The stranger's own token, from a form on the home page (the log-out button) or, for a guest, the login page.</summary>
    private static async Task<string> TokenAsync(WebClient stranger)
    {
        foreach (var path in new[] { "/", "/login" })
        {
            var page = await stranger.PageAsync(path);
            if (page.Document.QuerySelector("input[name=__RequestVerificationToken]") is IHtmlInputElement token)
            {
                return token.Value;
            }
        }
        Assert.Fail("neither the home page nor the login page gave this client an anti-forgery token");
        return "";
    }
}
