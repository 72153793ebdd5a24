import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./ConfirmDialog";

describe("ConfirmDialog", () => {
  it("puts focus on Cancel first and confirms only on the confirm button", async () => {
    const onConfirm = vi.fn();
    const onCancel = vi.fn();
    render(
      <ConfirmDialog open title="Delete this chat?" confirmLabel="Delete" danger onConfirm={onConfirm} onCancel={onCancel}>
        <p>It will be deleted for good.</p>
      </ConfirmDialog>,
    );
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    expect(screen.getByText("It will be deleted for good.")).toBeInTheDocument();
    await userEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(onCancel).toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it("renders nothing inside while closed", () => {
    render(<ConfirmDialog open={false} title="Delete?" confirmLabel="Delete" onConfirm={() => {}} onCancel={() => {}} />);
    expect(screen.queryByRole("button", { name: "Delete" })).toBeNull();
  });
});
