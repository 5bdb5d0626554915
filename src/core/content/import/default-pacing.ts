import type { Pacing } from '../schema.ts';

/** The four phases of a 40-minute mock interview, used when a guide has no pacing of its own. */
export const DEFAULT_PACING: Pacing = {
  phases: [
    {
      id: 'requirements',
      title: 'Requirements and constraints',
      minutes: 5,
      turns: 1,
      prompt: "Let's start with requirements: what must this system do, at what scale, and under which constraints?",
      nudge: 'Think about who reads this data, how fresh it must be, and how long you keep it.',
    },
    {
      id: 'architecture',
      title: 'Architecture and data flow',
      minutes: 15,
      turns: 3,
      prompt: 'Walk me through the architecture: how does data get from the services to the people who use it?',
      nudge: 'Pick one signal and follow it from the service to storage and back out to a dashboard.',
    },
    {
      id: 'alerting',
      title: 'Alerting and SLOs',
      minutes: 10,
      turns: 2,
      prompt: 'How would you alert on this, and which SLOs would you set?',
      nudge: 'What should wake someone at 3 a.m., and what can wait for a ticket?',
    },
    {
      id: 'operations',
      title: 'Operations and cost',
      minutes: 10,
      turns: 2,
      prompt: 'How do you run this day to day, and what does it cost?',
      nudge: 'Which part grows fastest with traffic, and how would you cap its cost?',
    },
  ],
};
