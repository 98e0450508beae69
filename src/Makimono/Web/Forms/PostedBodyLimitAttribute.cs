using Microsoft.AspNetCore.Http.Metadata;

namespace Makimono.Web.Forms;

/// <summary>
/// A page's own limit on the size of a posted body, as endpoint metadata only. Routing applies it (the request size,
/// and the form reader's multipart limit) before <see cref="FormGuard"/> reads the form. MVC's RequestSizeLimit and
/// RequestFormLimits attributes carry the same metadata but are filters too, and those filters, running after the
/// form was read, could only log two warnings on every post of the page.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class PostedBodyLimitAttribute(long bytes) : Attribute, IRequestSizeLimitMetadata, IFormOptionsMetadata
{
    public long? MaxRequestBodySize => bytes;

    public long? MultipartBodyLengthLimit => bytes;

    /// <summary>The form reader's limit per field stays the archive's own (FormGuard checks each field's length).</summary>
    public int? ValueLengthLimit => FormGuard.ValueLengthLimit;

    public bool? BufferBody => null;
    public int? MemoryBufferThreshold => null;
    public long? BufferBodyLengthLimit => null;
    public int? ValueCountLimit => null;
    public int? KeyLengthLimit => null;
    public int? MultipartBoundaryLengthLimit => null;
    public int? MultipartHeadersCountLimit => null;
    public int? MultipartHeadersLengthLimit => null;
}
