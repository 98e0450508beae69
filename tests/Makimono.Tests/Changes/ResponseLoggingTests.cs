using Makimono.Changes;

namespace Makimono.Tests.Changes;

public sealed class ResponseLoggingTests
{
    private sealed record Response(ChangeSubject Subject, long SubjectId) : ILoggedResponse;

    [Fact]
    public void Each_saved_response_is_logged_once_with_its_kind_and_id_and_unsaved_ones_not_at_all()
    {
        var logged = ChangeLogWriter.Responses([
            new Response(ChangeSubject.Comment, 7),
            new Response(ChangeSubject.Comment, 7),
            new Response(ChangeSubject.Kudos, 7),
            new Response(ChangeSubject.Bookmark, 0),
            "not a response",
        ]);
        Assert.Equal([(ChangeSubject.Comment, 7L), (ChangeSubject.Kudos, 7L)], logged);
    }
}
