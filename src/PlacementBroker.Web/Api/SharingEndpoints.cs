using Microsoft.AspNetCore.Http.Features;
using PlacementBroker.Core.Sharing;

namespace PlacementBroker.Web.Api;

/// <summary>
/// The contract's "Referral documents and questions": shortlisting offers, documents attached to a referral and shared
/// with providers in stages, and providers' questions with the officers' answers (spec 12). <c>/api</c> takes bearer
/// tokens only, so the multipart upload needs no antiforgery token.
/// </summary>
public static class SharingEndpoints
{
    /// <summary>The form around a 20 MB file: its other fields and the multipart boundaries.</summary>
    public const long MaxUploadRequestBytes = DocumentContent.MaxBytes + 1024 * 1024;

    public static IEndpointRouteBuilder MapSharingEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Referral documents and questions").RequireAuthorization();
        var officer = api.MapGroup("").RequireAuthorization(Policies.PlacingOfficer);
        var parties = api.MapGroup("").RequireAuthorization(Policies.ReferralParties).RequireVerifiedProvider();
        var provider = api.MapGroup("").RequireAuthorization(Policies.ProviderUser).RequireVerifiedProvider();

        officer.MapPost("/offers/{id:guid}/shortlist", async (Guid id, SharingService sharing, HttpContext http) =>
                (await sharing.ShortlistAsync(http.ToActor(), id, http.RequestAborted)).ToResult(Results.Ok))
            .WithSummary("Shortlist an offer: its provider then sees the documents shared at shortlisting")
            .Produces<ShortlistView>();

        officer.MapDelete("/offers/{id:guid}/shortlist", async (Guid id, SharingService sharing, HttpContext http) =>
                (await sharing.RemoveFromShortlistAsync(http.ToActor(), id, http.RequestAborted)).ToResult(_ => Results.NoContent()))
            .WithSummary("Take an offer off the shortlist: its provider no longer sees the shortlisted documents");

        officer.MapPost("/referrals/{id:guid}/documents", async (Guid id, SharingService sharing, HttpContext http) =>
            {
                var may = await sharing.MayAttachAsync(http.ToActor(), id, http.RequestAborted);
                if (!may.Succeeded)
                {
                    return may.ToResult(_ => Results.Empty);
                }
                var read = await ReadUploadAsync(http);
                return read.Refusal ?? (await sharing.UploadAsync(http.ToActor(), id, read.Upload!, http.RequestAborted))
                    .ToResult(d => Results.Created($"/api/documents/{d.Id}", d));
            })
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadRequestBytes))
            .WithSummary("Attach a document (multipart: file, kind, shareAt, note): PDF, Word or an image by content (415 otherwise), at most 20 MB (413 otherwise)")
            .Produces<DocumentView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesValidationProblem();

        parties.MapGet("/referrals/{id:guid}/documents", async (Guid id, SharingService sharing, HttpContext http) =>
                await sharing.ListAsync(http.ToActor(), id, http.RequestAborted) is { } list ? http.PagedList(list) : ApiResults.NotFound())
            .WithPaging()
            .WithSummary("The referral's documents the caller may see: all for its authority, those of the provider's stage for a provider")
            .Produces<List<DocumentView>>();

        parties.MapGet("/documents/{id:guid}", async (Guid id, SharingService sharing, HttpContext http) =>
            {
                var outcome = await sharing.DownloadAsync(http.ToActor(), id, http.RequestAborted);
                if (!outcome.Succeeded)
                {
                    return outcome.ToResult(_ => Results.Empty);
                }
                var file = outcome.Value!;
                Documents.DocumentDownload.Protect(http.Response);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Download a document as an attachment (Cache-Control: no-store); every download is audited; 404 before the caller's stage")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream");

        officer.MapDelete("/documents/{id:guid}", async (Guid id, SharingService sharing, HttpContext http) =>
                (await sharing.DeleteAsync(http.ToActor(), id, http.RequestAborted)).ToResult(_ => Results.NoContent()))
            .WithSummary("Delete a document: gone from every provider's view and from storage");

        provider.MapPost("/referrals/{id:guid}/questions", async (Guid id, QuestionRequest? request, SharingService sharing, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await sharing.AskAsync(http.ToActor(), id, request, http.RequestAborted))
                    .ToResult(q => Results.Created($"/api/referrals/{id}/questions", q)))
            .WithSummary("Ask the referral's officers a question; they are told live and by email, other providers never learn who asked")
            .Produces<ReferralQuestionView>(StatusCodes.Status201Created)
            .ProducesValidationProblem();

        parties.MapGet("/referrals/{id:guid}/questions", async (Guid id, SharingService sharing, HttpContext http) =>
                await sharing.QuestionsAsync(http.ToActor(), id, http.RequestAborted) is { } list ? http.PagedList(list) : ApiResults.NotFound())
            .WithPaging()
            .WithSummary("The questions: all of them, with who asked, for the authority; a provider's own and the answers shared with all for a provider")
            .Produces<List<ReferralQuestionView>>();

        officer.MapPost("/questions/{id:guid}/answer", async (Guid id, AnswerRequest? request, SharingService sharing, HttpContext http) =>
                request is null ? ApiResults.MissingBody() : (await sharing.AnswerAsync(http.ToActor(), id, request, http.RequestAborted)).ToResult(Results.Ok))
            .WithSummary("Answer a question, to the provider who asked or to every provider the referral was sent to (shareWithAll)")
            .Produces<ReferralQuestionView>()
            .ProducesValidationProblem();

        return app;
    }

    private sealed record ReadUpload(DocumentUpload? Upload, IResult? Refusal);

    /// <summary>
    /// The multipart form as a <see cref="DocumentUpload"/>, or the answer to give: 413 over the size limit, 400 naming what
    /// is missing or unreadable (a form cut short, a value too long, an unknown kind).
    /// </summary>
    private static async Task<ReadUpload> ReadUploadAsync(HttpContext http)
    {
        static ReadUpload Invalid(FieldErrors errors) => new(null, Outcome<DocumentView>.Invalid(errors).ToResult(_ => Results.Empty));
        static ReadUpload TooLarge() => new(null, Outcome<DocumentView>.TooLarge("file", "The file must be 20 MB or smaller").ToResult(_ => Results.Empty));
        const string Unreadable = "The form could not be read: send it as multipart/form-data with the file in the field 'file'";

        if (!http.Request.HasFormContentType)
        {
            return Invalid(new FieldErrors().Add("file", Unreadable));
        }
        if (http.Request.ContentLength > MaxUploadRequestBytes)
        {
            return TooLarge();
        }
        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = MaxUploadRequestBytes,
                ValueLengthLimit = 64 * 1024,
            }, http.RequestAborted);
        }
        catch (InvalidDataException e) when (e.Message.Contains("body length limit", StringComparison.OrdinalIgnoreCase))
        {
            return TooLarge();
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !http.RequestAborted.IsCancellationRequested)
        {
            // A form cut short (no closing boundary), a boundary too long, a value over its limit: the client's to mend.
            return Invalid(new FieldErrors().Add("file", Unreadable));
        }
        var errors = new FieldErrors();
        var file = form.Files.GetFile("file");
        if (file is null)
        {
            errors.Add("file", "Select a file to upload");
        }
        else if (file.Length > DocumentContent.MaxBytes)
        {
            return TooLarge();
        }
        var kind = QueryParameters.Enum<DocumentKind>(form["kind"], "kind", errors);
        var shareAt = QueryParameters.Enum<ShareStage>(form["shareAt"], "shareAt", errors);
        if (errors.Any)
        {
            return Invalid(errors);
        }
        using var buffer = new MemoryStream((int)file!.Length);
        await file.CopyToAsync(buffer, http.RequestAborted);
        return new(new DocumentUpload(file.FileName, buffer.ToArray(), kind, shareAt, form["note"].ToString()), null);
    }
}
