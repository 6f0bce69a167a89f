namespace PlacementBroker.Web.Pages.Quality;

/// <summary>Upload Ofsted's children's social care provider list (CSV) and see what it changed and which rows it could not read.</summary>
[Authorize(Policy = Policies.PlatformAdmin)]
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public class OfstedImportModel(OfstedImportService import) : QaPageModel
{
    public const long MaxBytes = 100 * 1024 * 1024;
    private static readonly Dictionary<string, string> Fields = new() { ["file"] = nameof(Upload) };

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public OfstedImportResult? Result { get; private set; }
    public string? FileName { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", "Select Ofsted's provider list (a CSV file)");
            return Page();
        }
        if (!Path.GetExtension(Upload.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError("Upload", "The selected file must be a CSV");
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        await using var stream = Upload.OpenReadStream();
        return Settle(await import.ImportAsync(Actor, stream, FileName, ct: Aborted), result =>
        {
            Result = result;
            return Page();
        }, Fields);
    }
}
