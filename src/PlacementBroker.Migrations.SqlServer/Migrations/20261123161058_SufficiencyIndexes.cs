using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class SufficiencyIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Referrals_LocalAuthorityId_PublishedAt",
                table: "Referrals",
                columns: new[] { "LocalAuthorityId", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_LocalAuthorityId_CreatedAt",
                table: "Placements",
                columns: new[] { "LocalAuthorityId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Referrals_LocalAuthorityId_PublishedAt",
                table: "Referrals");

            migrationBuilder.DropIndex(
                name: "IX_Placements_LocalAuthorityId_CreatedAt",
                table: "Placements");
        }
    }
}
