import { hello } from '@citymatch/matching';
console.log(hello);
