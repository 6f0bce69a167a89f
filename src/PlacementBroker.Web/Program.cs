var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
await app.InitialiseDatabaseAsync();
app.UseApplication();
app.ScheduleRecurringJobs();
await app.RunAsync();

public partial class Program;
