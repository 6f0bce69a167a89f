using Azure.Storage.Blobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PlacementBroker.Core.Sharing;

namespace PlacementBroker.Web.Documents;

public static class DocumentsExtensions
{
    /// <summary>
    /// Sharing with providers (documents, shortlists, questions) and the document store <c>PlacementBroker:Documents:Store</c>
    /// names: <c>FileSystem</c> under the data folder, or <c>AzureBlob</c> with <c>ConnectionStrings:Documents</c> and
    /// <c>PlacementBroker:Documents:Container</c>. A missing connection string stops the host at start-up.
    /// </summary>
    public static WebApplicationBuilder AddDocuments(this WebApplicationBuilder builder, PlacementBrokerOptions options)
    {
        var services = builder.Services;
        services.AddValidatedOptions<DocumentOptions>(builder.Configuration, DocumentOptions.Section,
            o => o.MaxPerReferral is >= 1 and <= 500 && System.Text.RegularExpressions.Regex.IsMatch(o.Container ?? "", "^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$"),
            "PlacementBroker:Documents: MaxPerReferral must be 1 to 500, and Container an Azure container name (3 to 63 lower-case letters, digits and single hyphens)");
        var documents = builder.Configuration.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new DocumentOptions();
        if (documents.Store == DocumentStoreKind.AzureBlob)
        {
            var connection = builder.Configuration.GetConnectionString("Documents");
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("PlacementBroker:Documents:Store is AzureBlob: set ConnectionStrings:Documents to the storage account's connection string.");
            }
            services.AddSingleton<IDocumentStore>(new AzureBlobDocumentStore(new BlobContainerClient(connection, documents.Container)));
        }
        else
        {
            var root = Path.Combine(DatabaseExtensions.DataFolder(builder.Environment, options), "documents");
            services.AddSingleton<IDocumentStore>(sp => new FileSystemDocumentStore(root, sp.GetRequiredService<IDataProtectionProvider>(),
                sp.GetRequiredService<ILogger<FileSystemDocumentStore>>()));
        }
        return builder;
    }
}
