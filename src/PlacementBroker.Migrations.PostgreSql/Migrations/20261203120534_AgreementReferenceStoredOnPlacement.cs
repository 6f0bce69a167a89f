using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.PostgreSql.Migrations
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "AgreementReferenceCounters",
                columns: table => new
                {
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementReferenceCounters", x => x.Year);
                });

            // Each placement keeps the reference it showed when it was worked out on reading: its UTC year and its place
            // in that year's placements, by the time it was made, then by id. Each year's counter continues from there.
            migrationBuilder.Sql(@"UPDATE ""Placements"" AS p SET ""Reference"" = 'PB-' || lpad(r.y::text, 4, '0') || '-' || lpad(r.n::text, 6, '0')
FROM (SELECT ""Id"", CAST(date_part('year', ""CreatedAt"" AT TIME ZONE 'UTC') AS integer) AS y,
             ROW_NUMBER() OVER (PARTITION BY date_part('year', ""CreatedAt"" AT TIME ZONE 'UTC') ORDER BY ""CreatedAt"", ""Id"") AS n
      FROM ""Placements"") AS r
WHERE r.""Id"" = p.""Id"";");
            migrationBuilder.Sql(@"INSERT INTO ""AgreementReferenceCounters"" (""Year"", ""Last"")
SELECT CAST(date_part('year', ""CreatedAt"" AT TIME ZONE 'UTC') AS integer), COUNT(*) FROM ""Placements""
GROUP BY CAST(date_part('year', ""CreatedAt"" AT TIME ZONE 'UTC') AS integer);");

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
