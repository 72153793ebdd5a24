import { stem } from "../text/stem.ts";

/**
 * Frequent English words. A sampled value that is one of these ("Live",
 * "World", "Love") links to a filter only weakly, so ordinary words in a
 * question do not turn into filters by accident.
 */
const WORDS = `
a about above across after again against all almost alone along already also although always am among an and another any
anyone anything are area around as ask at away back bad be because become been before began begin being below best better
between big both but by call came can case change children city close come could country course day days did different do
does done down during each early end enough even ever every example eye face fact family far feel few find first follow
for form found four from full get give go going good got great group had hand hard has have he head help her here high him
his home house how however i if important in into is it its just keep kind know large last late later lead least leave
left less let life light like line little live long look made make man many may me mean men might more most mother move
much must my name near need never new next night no not now number of off often old on once one only or order other
our out over own part people place point power present problem program public put question quite rather real right room
run said same say school see seem service several she should show side since small so social some something sometimes
soon start state still story study such sure system take than that the their them then there these they thing think this
those though three through time to today together too top total toward turn two under until up upon us use used very
want war was water way we well went were what when where whether which while who whole why will with within without
word work world would year years yes yet you young your love hits greatest live music song songs best hour minute
second week month quarter all none other misc unknown default general standard basic regular
`;

export const COMMON_WORDS = new Set(
  WORDS.split(/\s+/)
    .filter(Boolean)
    .map((w) => stem(w)),
);
