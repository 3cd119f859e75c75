import type { TestApp } from './test-app';

const PATH_TO_AGREEMENT = ['interest', 'introduced', 'exploring', 'agreement'];

/** Makes two members partners the way the secretariat does: a partnership moved to agreement (as admin). */
export async function makePartners(t: TestApp, a: string, b: string): Promise<void> {
  const opened = await t.http.post('/api/v1/partnerships').send({ memberA: a, memberB: b });
  if (![201, 409].includes(opened.status)) throw new Error(`could not open a partnership: ${opened.status} ${opened.text}`);
  const id: string = opened.status === 201 ? opened.body.id : opened.body.partnershipId;
  const { stage } = (await t.http.get(`/api/v1/partnerships/${id}`).expect(200)).body;
  let { version } = (await t.http.get(`/api/v1/partnerships/${id}`).expect(200)).body;
  const agreement = { signedOn: new Date().toISOString().slice(0, 10), signatories: ['Mayor', 'Mayor'] };
  for (const to of PATH_TO_AGREEMENT.slice(PATH_TO_AGREEMENT.indexOf(stage) + 1)) {
    const moved = await t.http
      .post(`/api/v1/partnerships/${id}/transitions`)
      .send({ to, version, ...(to === 'agreement' ? { agreement } : {}) })
      .expect(201);
    version = moved.body.version;
  }
}
