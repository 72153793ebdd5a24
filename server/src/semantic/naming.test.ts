import { describe, expect, it } from "vitest";
import { bootstrapSemanticModel } from "./bootstrap.ts";
import { splitCompound } from "./compound.ts";
import { schemaNaming } from "./naming.ts";
import { col, snapshot, table } from "./testing/snapshots.ts";

describe("names of any style", () => {
  it("splits names PostgreSQL folded to lower case into words", () => {
    expect(splitCompound("customerid")).toEqual(["customer", "id"]);
    expect(splitCompound("unitsinstock")).toEqual(["units", "in", "stock"]);
    expect(splitCompound("homepage")).toEqual(["homepage"]);
    expect(splitCompound("geographic")).toEqual(["geographic"]);
  });

  it("drops a shared prefix and reads a table's short form on its columns as the table", () => {
    const model = bootstrapSemanticModel(snapshot([
      table("xqclient", [col("xqclid", "text"), col("xqclname", "text"), col("xqclcountry", "text")], { primaryKey: ["xqclid"] }),
      table("xqsaleorder", [col("xqsoid", "text"), col("xqsoprice", "decimal"), col("xqsodate", "date")], { primaryKey: ["xqsoid"] }),
      table("xqproduct", [col("xqproductid", "text"), col("xqproductqty", "integer")], { primaryKey: ["xqproductid"] }),
    ]));
    const entity = (name: string) => model.entities.find((e) => e.name === name)!;
    expect(entity("xqclient").label).toBe("Client");
    expect(entity("xqsaleorder").label).toBe("Sale order");
    expect(entity("xqsaleorder").fields.find((f) => f.name === "xqsoprice")!.label).toBe("Sale order price");
    expect(entity("xqproduct").fields.find((f) => f.name === "xqproductqty")!.label).toBe("Product quantity");
  });

  it("drops tbl_ and dim_ prefixes and spells abbreviations out", () => {
    const model = bootstrapSemanticModel(snapshot([
      table("tbl_orders", [col("order_id", "integer"), col("tx_amt", "decimal")], { primaryKey: ["order_id"] }),
      table("dim_customer", [col("cust_id", "integer"), col("cust_addr", "text")], { primaryKey: ["cust_id"] }),
    ]));
    const orders = model.entities.find((e) => e.name === "tbl_orders")!;
    expect(orders.label).toBe("Order");
    expect(orders.fields.find((f) => f.name === "tx_amt")!.label).toBe("Transaction amount");
    expect(model.entities.find((e) => e.name === "dim_customer")!.label).toBe("Customer");
  });

  it("reads a listed abbreviation of the table on its columns as the table, leaving what the column names", () => {
    const tables = [
      table("qqpayment", [col("qqpmtid", "text"), col("qqpmtamt", "decimal"), col("qqpmtcustid", "text")], { primaryKey: ["qqpmtid"] }),
      table("qqcustomer", [col("qqcustid", "text"), col("qqcustname", "text")], { primaryKey: ["qqcustid"] }),
    ];
    const naming = schemaNaming(tables);
    expect(naming.column(tables[0]!, "qqpmtamt").words).toEqual(["payment", "amount"]);
    expect(naming.columnTail(tables[0]!, "qqpmtcustid")).toEqual(["customer", "id"]);
    expect(naming.columnTail(tables[1]!, "qqcustname")).toEqual(["name"]);
  });
});
