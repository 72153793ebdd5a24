import { describe } from "vitest";
import { embeddedModel, itAnswers, type Turn } from "./testing/embedded.ts";

/** A club of our own: members who join clubs that belong to themes. */
const SCHEMA = `
CREATE TABLE member (id int PRIMARY KEY, full_name text);
CREATE TABLE theme (id int PRIMARY KEY, title text);
CREATE TABLE member_theme (member_id int REFERENCES member, theme_id int REFERENCES theme);
INSERT INTO member VALUES (1, 'Ann'), (2, 'Bob'), (3, 'Cid'), (4, 'Dee');
INSERT INTO theme VALUES (1, 'Chess'), (2, 'Go'), (3, 'Bridge');
INSERT INTO member_theme VALUES (1, 1), (1, 2), (2, 1), (3, 2), (3, 3), (4, 1), (4, 2), (4, 3);
`;

const CONVERSATIONS: Turn[][] = [
  // Two values of one column across a join to many: members with a row for each (Ann, Dee), not none.
  [[`Which members are in both the theme "Chess" and the theme "Go"?`, "SELECT m.id, m.full_name FROM member m WHERE EXISTS (SELECT 1 FROM member_theme mt JOIN theme t ON t.id = mt.theme_id WHERE mt.member_id = m.id AND t.title = 'Chess') AND EXISTS (SELECT 1 FROM member_theme mt JOIN theme t ON t.id = mt.theme_id WHERE mt.member_id = m.id AND t.title = 'Go')"]],
];

describe("both values of one column on related rows", () => {
  itAnswers(embeddedModel(SCHEMA), CONVERSATIONS, { goldHasRows: true });
});
