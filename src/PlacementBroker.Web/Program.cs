using PlacementBroker.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
app.UseApplication();
await app.InitialiseDatabaseAsync();
await app.RunAsync();

public partial class Program;
