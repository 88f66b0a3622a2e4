/**
 * The wizard's steps as a numbered list of links (the step lives in the URL, so Back and a reload keep it), each
 * saying whether it is complete. The current one is marked with aria-current="step".
 */
import { Link } from 'react-router';
import { STEPS, stepComplete, type Step } from './kyb.ts';
import { verificationMessages as m } from './messages.ts';
import type { MissingItem } from './types.ts';

export function StepNav(props: { current: Step; missing: MissingItem[]; steps?: readonly Step[] }) {
  const steps = props.steps ?? STEPS;
  return (
    <nav aria-label={m.steps} className="kyb-steps">
      <ol>
        {steps.map((step, i) => {
          const done = stepComplete(step, props.missing);
          return (
            <li key={step} className={done ? 'is-done' : undefined}>
              <Link to={`?step=${step}`} aria-current={step === props.current ? 'step' : undefined}>
                <span className="kyb-steps__number" aria-hidden="true">
                  {done ? '✓' : i + 1}
                </span>
                <span>
                  {m.stepNames[step]}
                  {step !== 'review' && (
                    <span className="visually-hidden"> ({done ? m.stepDone : m.stepOpen})</span>
                  )}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
