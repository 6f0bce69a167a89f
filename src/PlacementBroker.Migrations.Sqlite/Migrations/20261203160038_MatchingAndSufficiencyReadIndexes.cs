using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MatchingAndSufficiencyReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReferralRecipients_ProviderId_NotifiedAt",
                table: "ReferralRecipients");

            migrationBuilder.DropIndex(
                name: "IX_Offers_ReferralId_Status",
                table: "Offers");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralRecipients_Declines",
                table: "ReferralRecipients",
                columns: new[] { "ReferralId", "DeclineReason" },
                filter: "\"DeclineReason\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralRecipients_ProviderId_NotifiedAt_DeclinedAt",
                table: "ReferralRecipients",
                columns: new[] { "ProviderId", "NotifiedAt", "DeclinedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ReferralId_Status_CreatedAt",
                table: "Offers",
                columns: new[] { "ReferralId", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReferralRecipients_Declines",
                table: "ReferralRecipients");

            migrationBuilder.DropIndex(
                name: "IX_ReferralRecipients_ProviderId_NotifiedAt_DeclinedAt",
                table: "ReferralRecipients");

            migrationBuilder.DropIndex(
                name: "IX_Offers_ReferralId_Status_CreatedAt",
                table: "Offers");

            migrationBuilder.CreateIndex(
                name: "IX_ReferralRecipients_ProviderId_NotifiedAt",
                table: "ReferralRecipients",
                columns: new[] { "ProviderId", "NotifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Offers_ReferralId_Status",
                table: "Offers",
                columns: new[] { "ReferralId", "Status" });
        }
    }
}
