import type { Container } from '../container.ts';
import { systemPrincipal } from '../shared/principal.ts';
import type { DemoEvent, WorldIds } from './seed.reports.ts';
import type { ProposalRef, SanctionStep, SanctionStory } from './world.sanctions.ts';
import { resolveAt, type UserRef } from './world.ts';

const system = systemPrincipal('demo');

/** The events of a sanction story: the jobs run at their time, the people act as themselves. */
export function sanctionEvents(container: Container, story: SanctionStory, ids: WorldIds, now: Date): DemoEvent[] {
  const { violations, sanctions, reports } = container.modules;
  const orgId = () => ids.orgs.get(story.org)!;
  const actor = (ref: UserRef) => {
    const user = ids.users.get(ref);
    if (!user) throw new Error(`demo world: unknown user ${ref}`);
    return user.principal;
  };

  /** The policy's proposal for the violation the reference names. */
  async function proposal(ref: ProposalRef): Promise<string> {
    const opened = (await violations.service.listViolations(system, { orgId: orgId(), limit: 200, offset: 0 })).items;
    let candidates = opened.filter((v) => v.ruleId === ref.rule);
    if (ref.report && ref.obligation) {
      const [regimeId, key] = ref.obligation.split('/');
      const obligations = await reports.service.listObligations(system, ids.reports.get(ref.report)!);
      const obligation = obligations.find((o) => o.regimeId === regimeId && o.obligationKey === key);
      candidates = candidates.filter((v) => obligation && v.obligationIds.includes(obligation.id));
    }
    if (candidates.length !== 1) throw new Error(`${candidates.length} violations match ${JSON.stringify(ref)}`);
    const page = await sanctions.service.listSanctions(system, { orgId: orgId(), limit: 200, offset: 0 });
    const found = page.items.find((s) => s.violationId === candidates[0]!.id);
    if (!found) throw new Error(`no sanction was proposed for the violation ${JSON.stringify(ref)}`);
    return found.id;
  }

  async function openReview(): Promise<string> {
    const page = await sanctions.reviews.listReviews(system, { orgId: orgId(), limit: 1, offset: 0 });
    const review = page.items[0];
    if (!review || review.status === 'decided') throw new Error('no open review');
    return review.id;
  }

  const run = async (step: SanctionStep): Promise<void> => {
    switch (step.do) {
      case 'evaluate':
        await violations.service.runRules();
        await sanctions.service.proposeForViolations();
        return;
      case 'decide': {
        const id = await proposal(step.proposal);
        const { reason, legalBasis, decision } = step;
        await sanctions.service.decide(actor(step.by), id, { decision, reason, legalBasis });
        return;
      }
      case 'sweep': {
        const { failed } = await sanctions.reviews.sweep();
        if (failed.length) throw failed[0]!;
        return;
      }
      case 'rectify': {
        const { summary, processes, contacts, tooling, attachment } = step;
        await sanctions.reviews.submitRectification(actor(step.by), await openReview(), {
          summary,
          processes,
          contacts,
          tooling,
          attachments: [
            { filename: attachment.filename, mediaType: 'text/plain', content: Buffer.from(attachment.text) },
          ],
        });
        return;
      }
      case 'review':
        await sanctions.reviews.decideReview(actor(step.by), await openReview(), {
          decision: step.decision,
          reason: step.reason,
        });
        return;
    }
  };

  return story.steps.map((step) => ({
    at: resolveAt(step.at, now),
    what: `${story.org}: sanctions ${step.do}`,
    run: () => run(step),
  }));
}
