// The guided-session state machine.
import { describe, expect, it } from 'vitest';
import * as m from '../../core/session';
import { sampleWalkthrough } from './helpers';

const wt = sampleWalkthrough();
const start = () => m.startSession({ id: 'id-1', packId: 'p', packVersion: '1.0.0', walkthrough: wt, tabId: 7, now: 1_000 });
const at = (index: number) => {
  let s = start();
  for (let i = 0; i < index; i++) s = m.advance(s, i);
  return s;
};

describe('session state machine', () => {
  it('starts on the first step, running, bound to the tab', () => {
    const s = start();
    expect(s).toMatchObject({ stepIndex: 0, total: 6, status: 'running', tabId: 7, reached: 0, walkthroughVersion: '1.0.0' });
    expect(m.isActive(s)).toBe(true);
  });

  it('advances only from the current step, so a click and the page load it causes move once', () => {
    const s1 = m.advance(start(), 0);
    expect(s1.stepIndex).toBe(1);
    expect(m.advance(s1, 0)).toBe(s1);
    expect(m.advance(s1, 1).stepIndex).toBe(2);
    expect(m.advance(s1, 1).reached).toBe(2);
  });

  it('is done after the last step and waits for the outcome', () => {
    const last = at(5);
    expect(last.stepIndex).toBe(5);
    const done = m.advance(last, 5);
    expect(done.status).toBe('done');
    expect(m.isActive(done)).toBe(true);
    expect(m.advance(done, 5)).toBe(done);
  });

  it('goes back one step, counts it as a repeat, and never before the first', () => {
    const s = m.back(at(2));
    expect(s.stepIndex).toBe(1);
    expect(s.reached).toBe(2);
    expect(s.repeats[1]).toBe(1);
    expect(m.back(start())).toEqual(start());
    const undone = m.back(m.advance(at(5), 5));
    expect(undone).toMatchObject({ status: 'running', stepIndex: 5 });
  });

  it('repeat counts "Chỉ lại" for the current step', () => {
    expect(m.repeat(m.repeat(at(1))).repeats[1]).toBe(2);
  });

  describe('resume after a page load', () => {
    it('stays when the current step belongs to the page (query strings do not matter)', () => {
      const s = at(2);
      expect(m.resumeOnPage(s, wt, 'https://sso.b.gov.vn/index.html?redirect_uri=x')).toBe(s);
    });

    it('moves ahead across domains when the resident went on', () => {
      expect(m.resumeOnPage(at(1), wt, 'https://sso.b.gov.vn/').stepIndex).toBe(2);
      // Several steps on the SSO page done at once (Enter submits the form): on to the OTP page.
      expect(m.resumeOnPage(at(2), wt, 'https://sso.b.gov.vn/otp.html').stepIndex).toBe(4);
    });

    it('moves back when the resident pressed Back', () => {
      const s = m.resumeOnPage(at(2), wt, 'https://a.gov.vn/dang-nhap.html');
      expect(s.stepIndex).toBe(1);
      expect(s.repeats[1]).toBe(1);
    });

    it('does not jump to the end on a stray page of the same site', () => {
      const s = at(0);
      expect(m.resumeOnPage(s, wt, 'https://a.gov.vn/tim-kiem.html')).toBe(s);
    });

    it('prefers the nearest matching step, ahead on a tie', () => {
      // From the OTP step, a redirect through the portal's login page lands on the final step, not back at step 1.
      expect(m.resumeOnPage(at(4), wt, 'https://a.gov.vn/dang-nhap.html?code=1').stepIndex).toBe(5);
    });

    it('a URL-advance step is done when its page loads', () => {
      expect(m.arriveOnPage(at(4), wt, 'https://a.gov.vn/').stepIndex).toBe(5);
      expect(m.arriveOnPage(at(4), wt, 'https://sso.b.gov.vn/otp.html').stepIndex).toBe(4);
    });

    it('does nothing for a session that is not running', () => {
      const done = m.advance(at(5), 5);
      expect(m.resumeOnPage(done, wt, 'https://a.gov.vn/')).toBe(done);
    });
  });

  it('records not-found steps once', () => {
    const s = m.markNotFound(m.markNotFound(at(2), 2), 2);
    expect(s.notFound).toEqual([2]);
  });

  it('finishes with an outcome and stays finished', () => {
    const f = m.finish(at(3), 'referred', 61_000);
    expect(f).toMatchObject({ status: 'finished', outcome: 'referred', endedAt: 61_000 });
    expect(m.isActive(f)).toBe(false);
    expect(m.abandon(f, 99)).toBe(f);
    expect(m.finish(f, 'completed', 99)).toBe(f);
  });

  it('abandons at the last step reached', () => {
    const a = m.abandon(at(3), 5_000);
    expect(a).toMatchObject({ status: 'abandoned', stepIndex: 3, endedAt: 5_000 });
    expect(m.advance(a, 3)).toBe(a);
  });
});

describe('skip and pause', () => {
  it('skip remembers the step and moves on', () => {
    const s = m.skip(at(1));
    expect(s.stepIndex).toBe(2);
    expect(s.skipped).toEqual([1]);
    expect(m.skip(m.advance(at(5), 5)).status).toBe('done');
  });

  it('pause and resume keep the step', () => {
    const p = m.setPaused(at(2), true);
    expect(p).toMatchObject({ paused: true, stepIndex: 2 });
    expect(m.isActive(p)).toBe(true);
    expect(m.setPaused(p, true)).toBe(p);
    expect(m.setPaused(p, false).paused).toBe(false);
  });
});

describe('optional steps', () => {
  it('a resume may pass over optional steps (a sign-in already done), however many pages they span', () => {
    const base = sampleWalkthrough();
    const page = (p: string) => `https://a.gov.vn/${p}`;
    const step = (id: string, p: string, optional = false) => ({ ...base.steps[0]!, id, page: page(p), ...(optional ? { optional: true } : {}) });
    const wt = {
      ...base,
      steps: [step('thu-tuc', 'thu-tuc.html'), step('dang-nhap', 'dang-nhap.html', true), step('sso', 'sso.html', true), step('otp', 'otp.html', true), step('form', 'nop-ho-so.html')],
    };
    const s0 = m.startSession({ id: 'x', packId: 'p', packVersion: '1', walkthrough: wt, tabId: 1, now: 0 });
    const s1 = m.advance(s0, 0);
    expect(m.resumeOnPage(s1, wt, page('nop-ho-so.html')).stepIndex).toBe(4);
    const required = { ...wt, steps: wt.steps.map(({ optional: _o, ...rest }) => rest) };
    expect(m.resumeOnPage(s1, required, page('nop-ho-so.html')).stepIndex).toBe(1);
  });

  it('a page reached by a URL step is never a reason to go back (a sign-in callback on an earlier step’s page)', () => {
    const base = sampleWalkthrough();
    const page = (p: string) => `https://a.gov.vn/${p}`;
    const step = (id: string, p: string, extra: object = {}) => ({ ...base.steps[0]!, id, page: page(p), ...extra });
    const wt = {
      ...base,
      steps: [
        step('thu-tuc', 'thu-tuc.html'),
        step('chon-vneid', 'dang-nhap.html', { optional: true }),
        step('otp', 'otp.html', { optional: true, advance: { kind: 'url', page: 'https://a.gov.vn/*' } }),
        step('form', 'nop-ho-so.html'),
      ],
    };
    const atOtp = { ...m.startSession({ id: 'x', packId: 'p', packVersion: '1', walkthrough: wt, tabId: 1, now: 0 }), stepIndex: 2, reached: 2 };
    // The portal's callback page shares its path with the sign-in choice, then redirects to the form.
    const callback = m.arriveOnPage(atOtp, wt, page('dang-nhap.html'));
    expect(callback.stepIndex).toBe(3);
    expect(m.arriveOnPage(callback, wt, page('nop-ho-so.html')).stepIndex).toBe(3);
    // Without a URL step done, going back to that page still goes back to its step.
    expect(m.arriveOnPage({ ...atOtp, stepIndex: 3 }, wt, page('dang-nhap.html')).stepIndex).toBe(1);
  });
});
