using Microsoft.AspNetCore.Http.Features;
using PlacementBroker.Core.Sharing;

namespace PlacementBroker.Web.Pages.Referrals;

/// <summary>
/// The documents attached to a referral: placing officers upload them (with the stage each is shared at) and delete them;
/// the authority's officers and managers read and download them, every download audited.
/// </summary>
[RequestSizeLimit(SharingEndpoints.MaxUploadRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = SharingEndpoints.MaxUploadRequestBytes)]
public class DocumentsModel(ReferralService referrals, SharingService sharing) : ReferralsPageModel
{
    private static readonly Dictionary<string, string> Fields = new() { ["file"] = nameof(Upload) };

    [FromRoute]
    public Guid Id { get; set; }

    public ReferralView Referral { get; private set; } = null!;
    public List<DocumentView> Documents { get; private set; } = [];

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? ShareAt { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public override IEnumerable<string> FieldOrder => [nameof(Upload), nameof(Kind), nameof(ShareAt), nameof(Note)];

    public bool CanChange => IsOfficer && Referral.Status is ReferralStatus.Draft or ReferralStatus.Open or ReferralStatus.Placed;

    public static List<SelectListItem> Kinds => Display.Options<DocumentKind>();

    public static List<SelectListItem> Stages =>
    [
        new("When you shortlist the provider's offer", nameof(ShareStage.Shortlisted)),
        new("Only when the child is placed with the provider", nameof(ShareStage.Placed)),
    ];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    private async Task<bool> LoadAsync()
    {
        if (await referrals.FindAsync(Actor, Id, Aborted) is not { } referral)
        {
            return false;
        }
        Referral = referral;
        Documents = await sharing.ListAsync(Actor, Id, Aborted) ?? [];
        return true;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var content = Array.Empty<byte>();
        if (Upload is { Length: > DocumentContent.MaxBytes })
        {
            ModelState.AddModelError(nameof(Upload), "The selected file must be 20 MB or smaller");
            return await PageIfFoundAsync(LoadAsync());
        }
        if (Upload is not null)
        {
            using var buffer = new MemoryStream((int)Upload.Length);
            await Upload.CopyToAsync(buffer, Aborted);
            content = buffer.ToArray();
        }
        var upload = new DocumentUpload(Upload?.FileName, content, FormValues.Choice<DocumentKind>(Kind), FormValues.Choice<ShareStage>(ShareAt), Note);
        return await SettleAsync(await sharing.UploadAsync(Actor, Id, upload, Aborted),
            d => Done($"{Words.Name(d.Kind)} uploaded: {d.FileName}. {(d.ShareAt == ShareStage.Shortlisted ? "Providers see it when you shortlist their offer" : "The provider sees it when the child is placed with them")}",
                "/Referrals/Documents", new { id = Id }),
            () => PageIfFoundAsync(LoadAsync()), Fields);
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid documentId) =>
        await SettleAsync(await sharing.DeleteAsync(Actor, documentId, Aborted),
            d => Done($"{d.FileName} deleted: no provider can see it now", "/Referrals/Documents", new { id = Id }),
            () => PageIfFoundAsync(LoadAsync()));

    /// <summary>The document as an attachment, never cached; the read is audited.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid documentId)
    {
        var outcome = await sharing.DownloadAsync(Actor, documentId, Aborted);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        var file = outcome.Value!;
        Web.Documents.DocumentDownload.Protect(Response);
        return File(file.Content, file.ContentType, file.FileName);
    }
}
