using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.SqlServer.Migrations
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
                type: "nvarchar(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AgreementReferenceCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "int", nullable: false),
                    Last = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementReferenceCounters", x => x.Year);
                });

            // Each placement keeps the reference it showed when it was worked out on reading: its UTC year and its place
            // in that year's placements, by the time it was made, then by id. Each year's counter continues from there.
            migrationBuilder.Sql(@"WITH r AS (
    SELECT ""Reference"", YEAR(""CreatedAt"") AS y,
           ROW_NUMBER() OVER (PARTITION BY YEAR(""CreatedAt"") ORDER BY ""CreatedAt"", CONVERT(char(36), ""Id"")) AS n
    FROM ""Placements"")
UPDATE r SET ""Reference"" = CONCAT('PB-', RIGHT(CONCAT('0000', y), 4), '-', RIGHT(CONCAT('000000', n), 6));");
            migrationBuilder.Sql(@"INSERT INTO ""AgreementReferenceCounters"" (""Year"", ""Last"")
SELECT YEAR(""CreatedAt""), COUNT(*) FROM ""Placements"" GROUP BY YEAR(""CreatedAt"");");

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
