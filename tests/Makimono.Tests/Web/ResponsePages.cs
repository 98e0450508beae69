using System.Net;

namespace Makimono.Tests.Web;

public static class ResponsePages
{
    /// <summary>
    /// The page a form answered with (a form shown again with its errors, the import's filled-in form), parsed as a
    /// browser would, so that the test goes on with the forms it serves.
    /// </summary>
    public static async Task<HtmlPage> PageOfAsync(this WebClient client, HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected a page, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return new HtmlPage(client, response.RequestMessage!.RequestUri!, body);
    }
}
