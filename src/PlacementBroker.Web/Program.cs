using PlacementBroker.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseApplication();
await app.RunAsync();

public partial class Program;
