using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BillingAdjustments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InvoiceLines_InvoiceId_BlockContractId",
                table: "InvoiceLines");

            migrationBuilder.DropIndex(
                name: "IX_InvoiceLines_InvoiceId_PlacementId",
                table: "InvoiceLines");

            migrationBuilder.AddColumn<DateOnly>(
                name: "AdjustsPeriodEnd",
                table: "InvoiceLines",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AdjustsPeriodStart",
                table: "InvoiceLines",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_InvoiceId",
                table: "InvoiceLines",
                column: "InvoiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InvoiceLines_InvoiceId",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "AdjustsPeriodEnd",
                table: "InvoiceLines");

            migrationBuilder.DropColumn(
                name: "AdjustsPeriodStart",
                table: "InvoiceLines");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_InvoiceId_BlockContractId",
                table: "InvoiceLines",
                columns: new[] { "InvoiceId", "BlockContractId" },
                unique: true,
                filter: "[BlockContractId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InvoiceLines_InvoiceId_PlacementId",
                table: "InvoiceLines",
                columns: new[] { "InvoiceId", "PlacementId" },
                unique: true,
                filter: "[PlacementId] IS NOT NULL");
        }
    }
}
