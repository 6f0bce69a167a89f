using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AgreementReferenceStoredOnPlacement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "Placements",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AgreementReferenceCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Last = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementReferenceCounters", x => x.Year);
                });

            // Each placement keeps the reference it showed when it was worked out on reading: its UTC year and its place
            // in that year's placements, by the time it was made, then by id. Each year's counter continues from there.
            migrationBuilder.Sql(@"UPDATE ""Placements"" SET ""Reference"" = 'PB-' || substr(r.""CreatedAt"", 1, 4) || '-' || substr('000000' || r.n, -6)
FROM (SELECT ""Id"", ""CreatedAt"", ROW_NUMBER() OVER (PARTITION BY substr(""CreatedAt"", 1, 4) ORDER BY ""CreatedAt"", ""Id"") AS n
      FROM ""Placements"") AS r
WHERE r.""Id"" = ""Placements"".""Id"";");
            migrationBuilder.Sql(@"INSERT INTO ""AgreementReferenceCounters"" (""Year"", ""Last"")
SELECT CAST(substr(""CreatedAt"", 1, 4) AS INTEGER), COUNT(*) FROM ""Placements"" GROUP BY substr(""CreatedAt"", 1, 4);");

            migrationBuilder.CreateIndex(
                name: "IX_Placements_Reference",
                table: "Placements",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementReferenceCounters");

            migrationBuilder.DropIndex(
                name: "IX_Placements_Reference",
                table: "Placements");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "Placements");
        }
    }
}
